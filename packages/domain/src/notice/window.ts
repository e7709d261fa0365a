import type { NoticeWindow } from './schemas';

/** Both ends included: a window of 5 working days names its first and last day. */
export function noticeWindow(startsOn: string, endsOn: string, today: string): NoticeWindow {
  if (today < startsOn) return 'upcoming';
  return today > endsOn ? 'closed' : 'open';
}

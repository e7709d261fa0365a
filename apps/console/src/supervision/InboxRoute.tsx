// Its own chunk: the inbox is opened from the header's bell, not on the first load.
export { InboxPage as default } from '@wenming/ui';

import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Keyset pages have no numbers to jump to: the cursors of the pages before this one are
 * kept, so "Previous" goes back exactly. A change of `filterKey` starts again at page one.
 */
export function useCursorStack(filterKey: string) {
  const [state, setState] = useState<{ key: string; stack: string[] }>({ key: filterKey, stack: [] });
  const stack = state.key === filterKey ? state.stack : [];
  // The buttons sit under the list: a new page should start at its top, not its bottom.
  const go = (next: string[]) => {
    setState({ key: filterKey, stack: next });
    window.scrollTo({ top: 0 });
  };
  return {
    cursor: stack.at(-1),
    page: stack.length + 1,
    next: (cursor: string) => go([...stack, cursor]),
    previous: () => go(stack.slice(0, -1)),
  };
}

export type CursorStack = ReturnType<typeof useCursorStack>;

/** Previous / next under a list; hidden when everything fits on one page. */
export function KeysetPager({
  pages,
  nextCursor,
  busy,
}: {
  pages: CursorStack;
  nextCursor: string | null | undefined;
  /** While the next page loads, its cursor is not known yet. */
  busy?: boolean;
}) {
  const { t } = useTranslation();
  if (pages.page === 1 && !nextCursor) return null;
  return (
    <Flex justify="end" align="center" gap={8} wrap>
      <Typography.Text type="secondary">{t('common.pageNo', { page: pages.page })}</Typography.Text>
      <Button icon={<LeftOutlined />} disabled={pages.page === 1} onClick={pages.previous}>
        {t('common.prevPage')}
      </Button>
      <Button
        icon={<RightOutlined />}
        iconPlacement="end"
        disabled={!nextCursor || busy}
        onClick={() => nextCursor && pages.next(nextCursor)}
      >
        {t('common.nextPage')}
      </Button>
    </Flex>
  );
}

import { Drawer } from 'antd';
import type { ReactNode } from 'react';

/** Phones only: loaded on the first tap on the menu button. */
export default function NavDrawer({
  open,
  onClose,
  title,
  width,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  width: number;
  children: ReactNode;
}) {
  return (
    <Drawer
      placement="left"
      open={open}
      onClose={onClose}
      size={width}
      title={title}
      styles={{ body: { padding: 0 } }}
    >
      {children}
    </Drawer>
  );
}

import { DownOutlined } from '@ant-design/icons';
import type { ManagementAction } from '@wenming/domain';
import { Button, Dropdown } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

const StepModal = lazy(() => import('./StepModal'));

/** The dynamic-management steps the unit's standing allows, each opening its form. */
export function StepMenu({
  unit,
  allowed,
  size = 'small',
}: {
  unit: { id: string; name: string };
  allowed: ManagementAction[];
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const [action, setAction] = useState<ManagementAction | null>(null);
  if (allowed.length === 0) return null;
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: allowed.map((a) => ({
            key: a,
            label: t(`assessment.action_${a}`),
            danger: a === 'revocation' || a === 'lapse',
          })),
          onClick: ({ key }) => setAction(key as ManagementAction),
        }}
      >
        <Button size={size} aria-label={`${t('assessment.actions')} ${unit.name}`}>
          {t('assessment.stepButton')} <DownOutlined />
        </Button>
      </Dropdown>
      <Suspense fallback={null}>
        {action && <StepModal unit={unit} action={action} onClose={() => setAction(null)} />}
      </Suspense>
    </>
  );
}

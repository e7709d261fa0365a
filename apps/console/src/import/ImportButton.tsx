import { UploadOutlined } from '@ant-design/icons';
import type { ImportKind } from '@wenming/domain';
import { loadAnalyticsStrings } from '@wenming/ui';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The wizard loads when someone opens it.
const ImportWizard = lazy(() => import('./ImportWizard'));

/** "导入" on the unit register and the user list: opens the spreadsheet import. */
export function ImportButton({ kind }: { kind: ImportKind }) {
  loadAnalyticsStrings();
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {t('analytics.import_button')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ImportWizard kind={kind} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

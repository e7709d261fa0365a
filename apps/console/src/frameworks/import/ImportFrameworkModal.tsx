import { CheckCircleFilled, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TImportResult } from '@wenming/domain';
import { apiErrorInfo, loadWorkStrings, localized, useErrorMessage, useLanguage, useTRPC } from '@wenming/ui';
import { Alert, Button, Flex, Modal, Typography, theme, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ImportProblems } from './ImportProblems';
import { type PickedFile, readFrameworkFile } from './readFrameworkFile';

loadWorkStrings();

function Result({
  result,
  onOpen,
  onAnother,
}: {
  result: TImportResult;
  onOpen: () => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const language = useLanguage();
  const fw = result.framework;
  return (
    <Flex vertical align="center" gap={12} style={{ padding: '16px 0', textAlign: 'center' }} role="status">
      <CheckCircleFilled style={{ fontSize: 48, color: token.colorSuccess }} />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t(`framework.result_${result.status}`, { version: fw.version })}
      </Typography.Title>
      <Typography.Text>
        {localized(fw.name, language)} · {fw.code} v{fw.version}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('framework.structureValue', { categories: fw.stats.categories, indicators: fw.stats.indicators })}
        {fw.reconstructedParts > 0 && ` · ${t('framework.reconstructedParts', { n: fw.reconstructedParts })}`}
      </Typography.Text>
      <Flex gap={8} wrap justify="center">
        <Button type="primary" onClick={onOpen}>
          {t('framework.openImported')}
        </Button>
        <Button onClick={onAnother}>{t('framework.importAnother')}</Button>
      </Flex>
    </Flex>
  );
}

/** Reads a framework file in the browser and imports it whole, or shows every problem found. */
export default function ImportFrameworkModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [result, setResult] = useState<TImportResult | null>(null);
  const options = {
    onSuccess: (answer: TImportResult) => {
      setResult(answer);
      void queryClient.invalidateQueries(trpc.framework.list.pathFilter());
    },
  };
  const importJson = useMutation(trpc.framework.import.mutationOptions(options));
  const importXlsx = useMutation(trpc.framework.importXlsx.mutationOptions(options));
  const active = picked?.kind === 'xlsx' ? importXlsx : importJson;
  const pending = importJson.isPending || importXlsx.isPending;

  const send = (file: PickedFile, newVersion: boolean) => {
    if (file.kind === 'json') importJson.mutate({ file: file.file, fileName: file.name, newVersion });
    if (file.kind === 'xlsx')
      importXlsx.mutate({ dataBase64: file.dataBase64, fileName: file.name, newVersion });
  };
  const pick = async (file: File) => {
    importJson.reset();
    importXlsx.reset();
    setResult(null);
    setPicked(await readFrameworkFile(file));
  };
  const restart = () => {
    importJson.reset();
    importXlsx.reset();
    setResult(null);
    setPicked(null);
  };

  const error = active.error ? apiErrorInfo(active.error) : null;
  const problems =
    error?.appCode === 'FRAMEWORK_INVALID' ? ((error.params.problems ?? []) as string[]) : null;
  const exists = error?.appCode === 'FRAMEWORK_EXISTS';
  const ready = picked && picked.kind !== 'error';

  return (
    <Modal
      open
      title={t('framework.importTitle')}
      onCancel={onClose}
      destroyOnHidden
      width={720}
      mask={{ closable: false }}
      footer={
        result ? null : (
          <Flex gap={8} justify="end">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              disabled={!ready || exists}
              loading={pending}
              onClick={() => picked && send(picked, false)}
            >
              {t('framework.importSubmit')}
            </Button>
          </Flex>
        )
      }
    >
      {result ? (
        <Result
          result={result}
          onOpen={() => {
            onClose();
            navigate(`/frameworks/${result.framework.id}`);
          }}
          onAnother={restart}
        />
      ) : (
        <Flex vertical gap={12} style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('framework.importHint')}</Typography.Text>
          <Upload.Dragger
            accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={pending}
            beforeUpload={(file) => {
              void pick(file);
              // The file is read here and sent through the API, not uploaded by the widget.
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{picked ? picked.name : t('framework.dropHere')}</p>
            <p className="ant-upload-hint">{picked ? t('framework.dropAnother') : t('framework.dropHint')}</p>
          </Upload.Dragger>
          {picked?.kind === 'error' && (
            <Alert
              type="error"
              showIcon
              title={t(`framework.pick_${picked.reason}`)}
              description={picked.detail}
            />
          )}
          {problems && picked && <ImportProblems fileName={picked.name} problems={problems} />}
          {exists && (
            <Alert
              type="warning"
              showIcon
              title={t('framework.existsTitle', { code: error.params.code, version: error.params.version })}
              description={t('framework.existsHint')}
              action={
                <Button type="primary" loading={pending} onClick={() => picked && send(picked, true)}>
                  {t('framework.importAsNewVersion')}
                </Button>
              }
            />
          )}
          {error && !problems && !exists && (
            <Alert type="error" showIcon title={errorMessage(active.error)} />
          )}
        </Flex>
      )}
    </Modal>
  );
}

import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type ImportKind,
  MAX_IMPORT_BYTES,
  type TImportCommitted,
  type TImportPreview,
} from '@wenming/domain';
import {
  apiErrorInfo,
  formatDateTime,
  loadAnalyticsStrings,
  useErrorMessage,
  useLanguage,
  useTRPC,
} from '@wenming/ui';
import { Alert, Button, Flex, Modal, Progress, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OfficeTreeSelect, useOfficeTree } from '../offices/OfficeTreeSelect';
import { PreviewTable } from './PreviewTable';
import { readAsBase64 } from './readAsBase64';
import { downloadTemplate } from './template';

loadAnalyticsStrings();

interface Picked {
  fileName: string;
  dataBase64: string;
}

/**
 * Upload → check → import. The file is checked row by row on the server (the same schemas
 * as the forms); only a file without a single problem can be imported, and then it is
 * imported whole in one transaction.
 */
export default function ImportWizard({ kind, onClose }: { kind: ImportKind; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const offices = useOfficeTree();
  const [officeId, setOfficeId] = useState<string | undefined>();
  const [reading, setReading] = useState<number | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const [done, setDone] = useState<TImportCommitted | null>(null);
  const office = officeId ?? offices.data?.items[0]?.id;
  const hasOffices = !!offices.data?.items.length;

  const describe = (error: unknown) => {
    const info = apiErrorInfo(error);
    const key = `analytics.error_${info.appCode}`;
    return t(key, { ...info.params, defaultValue: errorMessage(error) });
  };
  // The workbook library loads on first use (200 KB): the button spins meanwhile, and a
  // failure says so instead of leaving the click without an answer.
  const [makingTemplate, setMakingTemplate] = useState(false);
  const template = async () => {
    setMakingTemplate(true);
    try {
      await downloadTemplate(kind, language, t('analytics.import_template_sheet'));
    } catch (error) {
      setRefused(describe(error));
    } finally {
      setMakingTemplate(false);
    }
  };
  const check = useMutation(
    trpc.import.preview.mutationOptions({ onSuccess: setPreview, onError: (e) => setRefused(describe(e)) }),
  );
  const commit = useMutation(
    trpc.import.commit.mutationOptions({
      onSuccess: (result) => {
        setDone(result);
        void queryClient.invalidateQueries(
          kind === 'units' ? trpc.unit.list.pathFilter() : trpc.user.list.pathFilter(),
        );
      },
      onError: (e) => setRefused(describe(e)),
    }),
  );

  const pick = async (file: File) => {
    setRefused(null);
    setPreview(null);
    if (!/\.(xlsx|csv)$/i.test(file.name)) return setRefused(t('analytics.import_file_type'));
    if (file.size > MAX_IMPORT_BYTES) return setRefused(t('analytics.import_file_too_large'));
    setReading(0);
    try {
      const dataBase64 = await readAsBase64(file, setReading);
      setPicked({ fileName: file.name, dataBase64 });
      check.mutate({ kind, fileName: file.name, dataBase64, officeId: office });
    } catch {
      setRefused(t('analytics.import_file_type'));
    } finally {
      setReading(null);
    }
  };
  const reset = () => {
    setPicked(null);
    setPreview(null);
    setRefused(null);
    check.reset();
    commit.reset();
  };

  const step = done ? 2 : preview ? 1 : 0;
  const committable =
    preview &&
    preview.invalid === 0 &&
    preview.valid > 0 &&
    !preview.missingColumns.length &&
    !preview.alreadyImported;
  const busy = reading !== null || check.isPending || commit.isPending;
  const percent = commit.isPending ? 90 : check.isPending ? 60 : Math.round((reading ?? 0) * 40);

  return (
    <Modal
      open
      width={900}
      title={t(`analytics.import_title_${kind}`)}
      onCancel={busy ? undefined : onClose}
      closable={!busy}
      maskClosable={false}
      footer={
        done ? (
          <Button type="primary" onClick={onClose}>
            {t('analytics.import_close')}
          </Button>
        ) : (
          <Flex gap={8} justify="end" wrap>
            {preview && (
              <Button onClick={reset} disabled={busy}>
                {t('analytics.import_other')}
              </Button>
            )}
            {preview && (
              <Button
                type="primary"
                disabled={!committable || busy}
                loading={commit.isPending}
                onClick={() => picked && commit.mutate({ kind, ...picked, officeId: office })}
              >
                {t('analytics.import_commit', { n: preview.valid })}
              </Button>
            )}
          </Flex>
        )
      }
    >
      <Flex vertical gap={16}>
        <Steps
          size="small"
          current={step}
          items={[
            { title: t('analytics.import_step_file') },
            { title: t('analytics.import_step_check') },
            { title: t('analytics.import_step_commit') },
          ]}
        />
        {done ? (
          <Alert type="success" showIcon title={t('analytics.import_done', { n: done.created })} />
        ) : (
          <>
            {!preview && (
              <>
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {t('analytics.import_hint')}
                </Typography.Paragraph>
                <Flex gap={12} wrap align="center">
                  {/* Unit staff import their own colleagues: they have no office to choose. */}
                  {hasOffices && (
                    <Flex gap={8} align="center" wrap>
                      <Typography.Text>{t('analytics.import_office')}</Typography.Text>
                      <OfficeTreeSelect
                        value={office}
                        onChange={setOfficeId}
                        aria-label={t('analytics.import_office')}
                        style={{ minWidth: 220 }}
                      />
                      <Typography.Text type="secondary">
                        {t(
                          kind === 'units'
                            ? 'analytics.import_office_hint'
                            : 'analytics.import_office_hint_users',
                        )}
                      </Typography.Text>
                    </Flex>
                  )}
                  <Button
                    icon={<DownloadOutlined />}
                    loading={makingTemplate}
                    onClick={() => void template()}
                  >
                    {t('analytics.import_template')}
                  </Button>
                </Flex>
                <Upload.Dragger
                  accept=".xlsx,.csv"
                  multiple={false}
                  showUploadList={false}
                  disabled={busy}
                  beforeUpload={(file) => {
                    void pick(file);
                    return Upload.LIST_IGNORE;
                  }}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">{t('analytics.import_pick')}</p>
                  <p className="ant-upload-hint">{t('analytics.import_file_type')}</p>
                </Upload.Dragger>
              </>
            )}
            {busy && (
              <div role="status">
                <Progress percent={percent} status="active" />
                <Typography.Text type="secondary">
                  {commit.isPending
                    ? t('analytics.import_committing')
                    : check.isPending
                      ? t('analytics.import_checking')
                      : t('analytics.import_reading')}
                </Typography.Text>
              </div>
            )}
            {refused && <Alert type="error" showIcon title={refused} />}
            {preview && (
              <>
                {preview.alreadyImported ? (
                  <Alert
                    type="warning"
                    showIcon
                    title={t('analytics.import_already', {
                      at: formatDateTime(preview.alreadyImported.at),
                      n: preview.alreadyImported.rows,
                    })}
                  />
                ) : preview.missingColumns.length ? (
                  <Alert
                    type="error"
                    showIcon
                    title={t('analytics.import_missing', { cols: preview.missingColumns.join(', ') })}
                  />
                ) : preview.invalid ? (
                  <Alert
                    type="error"
                    showIcon
                    title={t('analytics.import_rows', {
                      n: preview.rows.length,
                      valid: preview.valid,
                      invalid: preview.invalid,
                    })}
                    description={t('analytics.import_fix')}
                  />
                ) : (
                  <Alert
                    type="success"
                    showIcon
                    title={t('analytics.import_all_valid', { n: preview.valid })}
                  />
                )}
                <PreviewTable kind={kind} preview={preview} />
              </>
            )}
          </>
        )}
      </Flex>
    </Modal>
  );
}

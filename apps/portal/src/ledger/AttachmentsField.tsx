import { DeleteOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { formatBytes, type UploadError, uploadFile } from '@wenming/ui';
import { Button, Flex, Progress, Typography, Upload } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A file of the item being filed: already stored, on its way, or refused. */
export interface Attachment {
  uid: string;
  name: string;
  bytes: number;
  status: 'uploading' | 'done' | 'error';
  percent: number;
  sha256?: string;
  /** appCode of a refusal (FILE_TOO_LARGE…), translated when shown. */
  error?: string;
}

/** What the server accepts (decided from the bytes); the list lets phones offer the camera. */
const ACCEPT = 'image/*,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,audio/*,video/*,.txt';

let next = 0;

/**
 * Drag-and-drop (or tap) upload: each file goes to the store at once, with its own progress
 * bar; a refused file says why in the user's language and can be removed.
 */
export function AttachmentsField({
  value,
  onChange,
  disabled,
}: {
  value: Attachment[];
  onChange: (update: (current: Attachment[]) => Attachment[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const aborts = useRef(new Map<string, () => void>());
  useEffect(() => {
    const running = aborts.current;
    return () => {
      for (const abort of running.values()) abort();
    };
  }, []);

  const patch = (uid: string, changes: Partial<Attachment>) =>
    onChange((current) => current.map((a) => (a.uid === uid ? { ...a, ...changes } : a)));

  const start = (file: File) => {
    const uid = `upload-${++next}`;
    onChange((current) => [
      ...current,
      { uid, name: file.name, bytes: file.size, status: 'uploading', percent: 0 },
    ]);
    const upload = uploadFile(file, (percent) => patch(uid, { percent }));
    aborts.current.set(uid, upload.abort);
    upload.promise.then(
      (stored) =>
        patch(uid, {
          status: 'done',
          percent: 100,
          sha256: stored.sha256,
          name: stored.name,
          bytes: stored.bytes,
        }),
      (error: UploadError) => {
        if (error.appCode !== 'ABORTED') patch(uid, { status: 'error', error: error.appCode });
      },
    );
    upload.promise.finally(() => aborts.current.delete(uid)).catch(() => undefined);
  };

  const remove = (uid: string) => {
    aborts.current.get(uid)?.();
    onChange((current) => current.filter((a) => a.uid !== uid));
  };

  return (
    <Flex vertical gap={8}>
      <Upload.Dragger
        multiple
        accept={ACCEPT}
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(file) => {
          start(file);
          return false;
        }}
        style={{ padding: 0 }}
      >
        <Flex vertical align="center" gap={4} style={{ paddingInline: 12 }}>
          <InboxOutlined style={{ fontSize: 32, color: 'var(--ant-color-primary, #1f5fbf)' }} />
          <Typography.Text>{t('ledger.upload_drop')}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ledger.upload_hint')}
          </Typography.Text>
        </Flex>
      </Upload.Dragger>
      {value.map((a) => (
        <Flex key={a.uid} vertical gap={2} data-attachment={a.name}>
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text
              type={a.status === 'error' ? 'danger' : undefined}
              style={{ minWidth: 0, wordBreak: 'break-all' }}
            >
              <PaperClipOutlined /> {a.name}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                {formatBytes(a.bytes)}
              </Typography.Text>
            </Typography.Text>
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t('ledger.remove_file', { name: a.name })}
              onClick={() => remove(a.uid)}
              disabled={disabled}
            />
          </Flex>
          {a.status === 'uploading' && (
            <Progress
              percent={a.percent}
              size="small"
              status="active"
              aria-label={t('ledger.uploading_of', { name: a.name })}
            />
          )}
          {a.status === 'error' && (
            <Typography.Text type="danger" style={{ fontSize: 12 }} role="alert">
              {t('ledger.upload_failed', { reason: t(`errors.${a.error}`, { defaultValue: a.error }) })}
            </Typography.Text>
          )}
        </Flex>
      ))}
    </Flex>
  );
}

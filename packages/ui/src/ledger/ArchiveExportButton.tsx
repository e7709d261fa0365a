import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Progress, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { archiveUrl, formatBytes, percent } from './urls';

interface Run {
  loaded: number;
  /** 0 when the server did not say. */
  total: number;
  error?: string;
  done?: boolean;
}

function fileNameOf(disposition: string | null): string {
  const match = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  try {
    return match?.[1] ? decodeURIComponent(match[1]) : 'ledger.zip';
  } catch {
    return 'ledger.zip';
  }
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * 导出台账 ZIP: the archive is streamed with its length, so the download shows real progress
 * and can be cancelled; browsers without readable streams simply follow the link.
 */
export function ArchiveExportButton({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const [run, setRun] = useState<Run | null>(null);
  const abort = useRef<AbortController | null>(null);
  const url = archiveUrl(campaignId);

  const start = async () => {
    if (typeof ReadableStream === 'undefined' || typeof fetch === 'undefined') {
      window.location.assign(url);
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setRun({ loaded: 0, total: 0 });
    try {
      const res = await fetch(url, { credentials: 'same-origin', signal: controller.signal });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as {
          error?: { appCode?: string; message?: string };
        } | null;
        const code = body?.error?.appCode ?? 'INTERNAL';
        setRun({
          loaded: 0,
          total: 0,
          error: t(`errors.${code}`, { defaultValue: body?.error?.message ?? code }),
        });
        return;
      }
      const total = Number(res.headers.get('content-length')) || 0;
      const name = fileNameOf(res.headers.get('content-disposition'));
      const reader = res.body?.getReader();
      if (!reader) {
        save(await res.blob(), name);
        setRun({ loaded: total, total, done: true });
        return;
      }
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let loaded = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        loaded += value.byteLength;
        setRun({ loaded, total });
      }
      save(new Blob(chunks, { type: 'application/zip' }), name);
      setRun({ loaded, total, done: true });
    } catch (error) {
      if (controller.signal.aborted) return setRun(null);
      setRun({ loaded: 0, total: 0, error: t('errors.NETWORK') });
      console.warn(error);
    }
  };

  const close = () => {
    abort.current?.abort();
    setRun(null);
  };
  const p = run?.total ? percent(run.loaded / run.total) : run?.done ? 100 : 0;
  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        onClick={() => void start()}
        loading={Boolean(run && !run.done && !run.error)}
      >
        {t('ledger.export_zip')}
      </Button>
      <Modal
        open={run !== null}
        title={t('ledger.export_title')}
        onCancel={close}
        footer={
          <Button onClick={close} type={run?.done ? 'primary' : 'default'}>
            {run?.done || run?.error ? t('ledger.close') : t('common.cancel')}
          </Button>
        }
        mask={{ closable: false }}
        destroyOnHidden
      >
        {run?.error ? (
          <Flex vertical gap={12}>
            <Alert type="error" showIcon title={run.error} />
            <Typography.Link href={url}>{t('ledger.export_link')}</Typography.Link>
          </Flex>
        ) : (
          <Flex vertical gap={8}>
            <Progress
              percent={p}
              status={run?.done ? 'success' : 'active'}
              aria-label={t('ledger.export_title')}
            />
            <Typography.Text type="secondary">
              {run?.done
                ? t('ledger.export_done', { size: formatBytes(run.loaded) })
                : run?.total
                  ? t('ledger.export_progress', {
                      loaded: formatBytes(run.loaded),
                      total: formatBytes(run.total),
                    })
                  : t('ledger.export_preparing')}
            </Typography.Text>
          </Flex>
        )}
      </Modal>
    </>
  );
}

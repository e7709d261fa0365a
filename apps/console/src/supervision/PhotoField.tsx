import { CameraOutlined } from '@ant-design/icons';
import { type UploadError, uploadFile } from '@wenming/ui';
import { Button, Flex, Image, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Photos of an item: each goes to the file store at once (from the phone's camera too) and is
 * added to the item by its content address. Photos taken on this page are previewed here.
 */
export function PhotoField({
  photos,
  onAdd,
  disabled,
}: {
  photos: string[];
  onAdd: (sha256: string) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [previews, setPreviews] = useState<{ sha256: string; url: string }[]>([]);
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = (file: File) => {
    setError(null);
    setPercent(0);
    uploadFile(file, setPercent).promise.then(
      (stored) => {
        setPercent(null);
        setPreviews((p) => [...p, { sha256: stored.sha256, url: URL.createObjectURL(file) }]);
        onAdd(stored.sha256);
      },
      (e: UploadError) => {
        setPercent(null);
        setError(t(`errors.${e.appCode}`, { defaultValue: e.message }));
      },
    );
    return false;
  };
  return (
    <Flex vertical gap={6}>
      <Flex align="center" gap={8} wrap>
        <Upload
          accept="image/*"
          showUploadList={false}
          beforeUpload={start}
          disabled={disabled || percent !== null}
        >
          <Button icon={<CameraOutlined />} disabled={disabled || percent !== null}>
            {t('supervision.addPhoto')}
          </Button>
        </Upload>
        {photos.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('supervision.photoCount', { count: photos.length })}
          </Typography.Text>
        )}
      </Flex>
      {percent !== null && <Progress percent={percent} size="small" status="active" />}
      {error && (
        <Typography.Text type="danger" style={{ fontSize: 12 }} role="alert">
          {t('supervision.photoFailed', { reason: error })}
        </Typography.Text>
      )}
      {previews.length > 0 && (
        <Image.PreviewGroup>
          <Flex gap={6} wrap>
            {previews
              .filter((p) => photos.includes(p.sha256))
              .map((p) => (
                <Image
                  key={p.sha256}
                  src={p.url}
                  width={64}
                  height={64}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                />
              ))}
          </Flex>
        </Image.PreviewGroup>
      )}
    </Flex>
  );
}

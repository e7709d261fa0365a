/** What the server answers for a stored file: the content address to attach it by. */
export interface StoredFile {
  sha256: string;
  bytes: number;
  mime: string;
  name: string;
}

export class UploadError extends Error {
  constructor(
    readonly appCode: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `POST /api/files` with one file, by XMLHttpRequest: fetch cannot report upload progress,
 * and people filing photos from a phone on a slow network need to see it moving.
 */
export function uploadFile(file: File, onProgress: (percent: number) => void) {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<StoredFile>((resolve, reject) => {
    xhr.open('POST', '/api/files');
    xhr.withCredentials = true;
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(99, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      const body = xhr.response as (StoredFile & { error?: { appCode?: string; message?: string } }) | null;
      if (xhr.status === 201 && body?.sha256) {
        onProgress(100);
        resolve(body);
        return;
      }
      const code = body?.error?.appCode ?? (xhr.status === 413 ? 'FILE_TOO_LARGE' : 'INTERNAL');
      reject(new UploadError(code, body?.error?.message ?? `upload failed (${xhr.status})`));
    };
    xhr.onerror = () => reject(new UploadError('NETWORK', 'the upload did not reach the server'));
    xhr.onabort = () => reject(new UploadError('ABORTED', 'upload cancelled'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

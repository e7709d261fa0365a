import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';

/**
 * Writes a ZIP by streaming every part in (no file is held whole in memory), beside the
 * target first and renamed at the end: a failed backup never leaves a file that looks whole.
 */
export async function writeZip(
  out: string,
  fill: (zip: {
    addFile(path: string, name: string): void;
    addStream(stream: Readable, name: string): void;
  }) => Promise<void>,
): Promise<number> {
  const zip = new yazl.ZipFile();
  const partial = `${out}.partial`;
  // Dumps and evidence files are compressed already; storing them keeps backups fast.
  const written = pipeline(zip.outputStream, createWriteStream(partial));
  try {
    await fill({
      addFile: (path, name) => zip.addFile(path, name, { compress: false }),
      addStream: (stream, name) => zip.addReadStream(stream, name, { compress: false }),
    });
    zip.end();
    await written;
    await rename(partial, out);
    return (await stat(out)).size;
  } catch (error) {
    (zip.outputStream as Readable).destroy();
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}

export interface ZipReader {
  names(): string[];
  open(name: string): Promise<Readable>;
  close(): void;
}

/** Opens a ZIP for random access by entry name. */
export async function readZip(path: string): Promise<ZipReader> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, file) =>
      error ? reject(error) : resolve(file),
    ),
  );
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', resolve);
    zip.once('error', reject);
    zip.readEntry();
  });
  return {
    names: () => [...entries.keys()],
    open: (name) => {
      const entry = entries.get(name);
      if (!entry) return Promise.reject(new Error(`the backup has no ${name}`));
      return new Promise((resolve, reject) =>
        zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
      );
    },
    close: () => zip.close(),
  };
}

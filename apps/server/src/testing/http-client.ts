/** A signed-in (or anonymous) HTTP client of the real server, as any script would call it. */
export interface Client {
  query<T = unknown>(path: string, input: unknown): Promise<Answer<T>>;
  mutate<T = unknown>(path: string, input: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
  upload(bytes: Buffer, name: string): Promise<Answer<{ sha256: string; name: string; mime: string }>>;
}

export interface Answer<T> {
  status: number;
  data?: T;
  error?: { appCode?: string; code?: string; fields?: Record<string, string> };
}

export async function signIn(base: string, username: string, password = 'wenming-demo'): Promise<Client> {
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status}`);
  return client(base, res.headers.get('set-cookie')?.split(';')[0] ?? '');
}

export function client(base: string, cookie = ''): Client {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const trpc = async <T>(res: Response): Promise<Answer<T>> => {
    const body = (await res.json()) as { result?: { data: T }; error?: { data: Answer<T>['error'] } };
    return { status: res.status, data: body.result?.data, error: body.error?.data };
  };
  return {
    query: async (path, input) =>
      trpc(
        await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers }),
      ),
    mutate: async (path, input, extra = {}) =>
      trpc(
        await fetch(`${base}/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers, ...extra },
          body: JSON.stringify(input),
        }),
      ),
    upload: async (bytes, name) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      const res = await fetch(`${base}/api/files`, { method: 'POST', headers, body: form });
      const body = (await res.json()) as {
        sha256: string;
        name: string;
        mime: string;
        error?: Answer<unknown>['error'];
      };
      return { status: res.status, data: res.status === 201 ? body : undefined, error: body.error };
    },
  };
}

// The Action's SARIF upload to code scanning, through GitHub's REST API (what
// github/codeql-action/upload-sarif does, which a JavaScript action cannot call as a step):
// POST /repos/{owner}/{repo}/code-scanning/sarifs with the gzipped, Base64-encoded SARIF for the
// commit and ref of the run, then GET /repos/{owner}/{repo}/code-scanning/sarifs/{id} until GitHub
// has processed it. https://docs.github.com/en/rest/code-scanning/code-scanning#upload-an-analysis-as-sarif-data
// A failed upload is a warning, never a failed step: annotations and the job summary do not depend on it.
import { gzipSync } from 'node:zlib';

export interface UploadOptions {
  env: Record<string, string | undefined>;
  token: string;
  sarif: string;
  /** file:// URI of the workspace, as GitHub maps SARIF paths from it. */
  checkoutUri: string;
  startedAt: Date;
  /** How long to wait for GitHub to process the upload, and how often to ask. */
  wait?: { timeoutMs: number; intervalMs: number };
}

export type UploadOutcome = { uploaded: true; id: string; message: string; warning?: string } | { uploaded: false; warning: string };

const PERMISSION_HINT =
  "The token needs 'permissions: security-events: write' (and 'actions: read' in private repositories, which also need GitHub Advanced Security); pull requests from forks get a read-only token. Annotations and the job summary are not affected.";

/** The body of GitHub's error answer, or the status. */
async function describe(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  let message = text.trim();
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') message = parsed.message;
  } catch {
    // not JSON: the text itself
  }
  return `HTTP ${response.status}${message ? `: ${message.slice(0, 500)}` : ''}`;
}

export async function uploadSarif(options: UploadOptions): Promise<UploadOutcome> {
  const { env } = options;
  const missing = ['GITHUB_REPOSITORY', 'GITHUB_SHA', 'GITHUB_REF'].filter((name) => !env[name]);
  if (options.token === '') missing.unshift("the 'token' input");
  if (missing.length > 0) return { uploaded: false, warning: `The SARIF upload to code scanning was skipped: ${missing.join(', ')} not set (outside GitHub Actions?).` };
  const api = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const endpoint = `${api}/repos/${env.GITHUB_REPOSITORY}/code-scanning/sarifs`;
  const headers = {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${options.token}`,
    'content-type': 'application/json',
    'user-agent': 'lblint-action',
    'x-github-api-version': '2022-11-28',
  };
  const body = {
    commit_sha: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
    sarif: gzipSync(options.sarif).toString('base64'),
    checkout_uri: options.checkoutUri,
    started_at: options.startedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    tool_name: 'lblint',
  };
  let id: string;
  try {
    const response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify(body) });
    if (response.status !== 202 && response.status !== 200 && response.status !== 201) {
      return { uploaded: false, warning: `The SARIF upload to code scanning failed (${await describe(response)}). ${PERMISSION_HINT}` };
    }
    const receipt = (await response.json()) as { id?: unknown };
    if (typeof receipt.id !== 'string') return { uploaded: false, warning: 'The SARIF upload to code scanning got an answer without an upload id.' };
    id = receipt.id;
  } catch (error) {
    return { uploaded: false, warning: `The SARIF upload to code scanning failed: ${error instanceof Error ? error.message : String(error)}. Annotations and the job summary are not affected.` };
  }

  const wait = options.wait ?? { timeoutMs: 120_000, intervalMs: 3_000 };
  const deadline = Date.now() + wait.timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${endpoint}/${encodeURIComponent(id)}`, { headers });
      if (response.ok) {
        const status = (await response.json()) as { processing_status?: string; errors?: unknown };
        if (status.processing_status === 'complete') return { uploaded: true, id, message: `SARIF uploaded to code scanning (upload ${id}) and processed.` };
        if (status.processing_status === 'failed') {
          const errors = Array.isArray(status.errors) ? status.errors.map(String).join('; ') : 'no detail';
          return { uploaded: true, id, message: `SARIF uploaded to code scanning (upload ${id}).`, warning: `Code scanning could not process the SARIF upload ${id}: ${errors}` };
        }
      } else if (response.status !== 404) {
        // 404: not registered yet. Anything else: stop asking, the upload itself was accepted.
        return { uploaded: true, id, message: `SARIF uploaded to code scanning (upload ${id}); its processing status could not be read (${await describe(response)}).` };
      }
    } catch (error) {
      return { uploaded: true, id, message: `SARIF uploaded to code scanning (upload ${id}); its processing status could not be read: ${error instanceof Error ? error.message : String(error)}.` };
    }
    if (Date.now() + wait.intervalMs > deadline) return { uploaded: true, id, message: `SARIF uploaded to code scanning (upload ${id}); GitHub was still processing it when the step stopped waiting.` };
    await new Promise((resolve) => setTimeout(resolve, wait.intervalMs));
  }
}

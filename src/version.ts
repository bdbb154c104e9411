// The version reported in SARIF and --version (kept equal to package.json by a test).
export const VERSION = '0.1.0';

/**
 * package.json's `repository` URL (a test keeps them equal); none is set, so lblint links to no
 * documentation page that might not exist (SARIF helpUri, `explain`'s More:).
 */
export const REPOSITORY_URL: string | undefined = undefined;

/** lblint's files at this version, `https://github.com/OWNER/REPO/blob/vVERSION/`, when the repository is known. */
export function packageDocsBase(): string | undefined {
  const repo = REPOSITORY_URL?.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
  return repo && /^https:\/\/github\.com\/[^/]+\/[^/]+$/.test(repo) ? `${repo}/blob/v${VERSION}/` : undefined;
}

import * as vscode from 'vscode';
import { tokenFromEnvironment } from '../../core/github/token';
import { authProviderFor, GitHubSettings } from './githubSettings';

/** Answers a token for the configured host; a seam so tests can inject one. */
export type TokenSource = (
  settings: GitHubSettings,
  interactive: boolean,
) => Promise<string | undefined>;

const SCOPES = ['repo'];

/**
 * VS Code's built-in GitHub (or GitHub Enterprise) sign-in: silent unless the user asked for data,
 * then the standard consent prompt; or the environment's token when the user chose so. Undefined
 * = not signed in.
 */
export const vscodeTokenSource: TokenSource = async (settings, interactive) => {
  if (settings.authentication === 'environment') return tokenFromEnvironment(process.env);
  const provider = authProviderFor(settings.apiUrl);
  const session = await vscode.authentication.getSession(
    provider,
    SCOPES,
    interactive ? { createIfNone: true } : { silent: true },
  );
  return session?.accessToken;
};

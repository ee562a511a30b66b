import * as vscode from 'vscode';
import { Settings } from '../ids';

export const DEFAULT_API_URL = 'https://api.github.com';

export interface GitHubSettings {
  /** REST base URL; read from user settings only, so a workspace cannot redirect the token. */
  apiUrl: string;
  /** `vscode`: VS Code's GitHub sign-in; `environment`: GITHUB_TOKEN / GH_TOKEN of the extension host, as the CLI. */
  authentication: 'vscode' | 'environment';
  /** OWNER/NAME override of the repository found from the git remote. */
  repository?: string;
}

/** The GitHub settings in force; host and authentication come from user settings alone. */
export function readGitHubSettings(scope?: vscode.Uri): GitHubSettings {
  const config = vscode.workspace.getConfiguration(Settings.section, scope);
  const userOnly = <T>(key: string): T | undefined => config.inspect<T>(key)?.globalValue;
  const apiUrl =
    (userOnly<string>(Settings.githubApiUrl) ?? DEFAULT_API_URL).trim().replace(/\/+$/, '') ||
    DEFAULT_API_URL;
  const authentication =
    userOnly<string>(Settings.githubAuthentication) === 'environment' ? 'environment' : 'vscode';
  const repository = config.get<string>(Settings.githubRepository)?.trim() || undefined;
  return { apiUrl, authentication, repository };
}

/** VS Code's authentication provider for the host: `github` for github.com, else `github-enterprise`. */
export function authProviderFor(apiUrl: string): 'github' | 'github-enterprise' {
  return new URL(apiUrl).hostname === 'api.github.com' ? 'github' : 'github-enterprise';
}

/**
 * The GitHub token of an environment: GITHUB_TOKEN, else GH_TOKEN (the GitHub CLI's name). The
 * CLI and the editor's `environment` authentication read it only here; it is sent to the API host
 * it was given for and never logged.
 */
export function tokenFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  return env.GITHUB_TOKEN || env.GH_TOKEN || undefined;
}

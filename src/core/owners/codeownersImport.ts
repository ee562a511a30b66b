import { emitOwners } from '../ownersImport/emitOwners';
import { fromGithubCodeowners } from '../ownersImport/githubCodeowners';

/**
 * Converts CODEOWNERS text to OWNERS.yaml (version 1) that gives every path the same owners (or
 * none) as the original; see `emitOwners` for how rules become components.
 */
export function importCodeowners(text: string, file = 'CODEOWNERS'): string {
  return emitOwners(fromGithubCodeowners(text, file)).yaml;
}

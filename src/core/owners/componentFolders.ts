/**
 * The folders that *are* a component in the Explorer: the topmost folders whose owned files all
 * belong to one component (unowned files do not count against it). A nested folder of the same
 * component is left out, so a badge sits once, where the component starts. The repository root is
 * never one (it is not a folder row).
 */
export function componentFolders(
  files: Iterable<string>,
  componentOf: (path: string) => string | undefined,
): Map<string, string> {
  // Per folder: the one component of its owned files, or null when there are several.
  const single = new Map<string, string | null>();
  for (const file of files) {
    const c = componentOf(file);
    if (c === undefined) continue;
    for (let i = file.lastIndexOf('/'); i > 0; i = file.lastIndexOf('/', i - 1)) {
      const folder = file.slice(0, i);
      const seen = single.get(folder);
      // A folder already holding this component, or mixed, has ancestors that already say so too.
      if (seen === c || seen === null) break;
      single.set(folder, seen === undefined ? c : null);
    }
  }
  const out = new Map<string, string>();
  for (const [folder, c] of single) {
    if (c === null) continue;
    const slash = folder.lastIndexOf('/');
    if (slash > 0 && single.get(folder.slice(0, slash)) === c) continue;
    out.set(folder, c);
  }
  return out;
}

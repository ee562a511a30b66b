import * as vscode from 'vscode';
import { nowMs } from '../../core/clock';
import { figuresAcrossRepositories } from '../../core/figures/across';
import { flagWindow, trendWindow } from '../../core/figures/window';
import type { RepoRef } from '../../core/github/types';
import { parseGitattributes } from '../../core/metrics/gitattributes';
import type { OwnersModel } from '../../core/owners/model';
import { parseOwners } from '../../core/owners/parse';
import { createOwnershipIndex, OwnershipIndex } from '../../core/owners/resolve';
import type { OwnersState } from '../ownersState';
import type { CrossRepositoryView, RepoPullRequests } from './figuresTypes';
import { readGitHubSettings } from './githubSettings';
import { otherRepositorySetting, OtherRepositoryFiles, whyLeftOut } from './otherRepositories';
import { readRootAttributes } from './rootFiles';
import { teamOnlyMode } from './teamOnlySetting';

/** What the across-repositories view reads from the pull-request data. */
export interface AcrossSources {
  statesOf(): OwnersState[];
  dataFor(state: OwnersState): Promise<RepoPullRequests | undefined>;
  dataOf(repo: RepoRef, apiUrl: string): RepoPullRequests;
  otherFiles: OtherRepositoryFiles;
  warn(line: string): void;
}

interface Part {
  name: string;
  index: OwnershipIndex;
  generated: string;
  root?: vscode.Uri;
  data: RepoPullRequests;
  model: OwnersModel;
}

/**
 * Teams over every repository in view (each workspace folder's, and the other repositories of
 * the setting), from the core pipeline; computed again only when an input changed.
 */
export class AcrossRepositoriesView {
  /** The other repositories' parsed OWNERS.yaml, by text: parsed once per version. */
  private readonly otherIndexes = new Map<string, OwnershipIndex>();
  private memo:
    | {
        signature: string;
        inputs: { index: OwnershipIndex; prs: readonly unknown[]; generated: string }[];
        view: CrossRepositoryView;
      }
    | undefined;

  constructor(private readonly sources: AcrossSources) {}

  /** Undefined while fewer than two repositories are in view, or none has data. */
  async view(): Promise<CrossRepositoryView | undefined> {
    const states = this.sources.statesOf();
    const first = states[0];
    if (!first) return undefined;
    const { parts, pending, leftOut } = await this.parts(states);
    if (parts.length + pending.length + leftOut.length < 2 || parts.length === 0) return undefined;
    // A folder's .gitattributes is read only once two repositories are in view (the tree asks on every render).
    await Promise.all(
      parts.map(async p => {
        if (p.root) p.generated = await readRootAttributes(p.root);
      }),
    );
    const teamOnly = states.some(teamOnlyMode);
    const signature = [...parts.map(p => p.name), teamOnly].join(' ');
    const memo = this.memo;
    if (
      memo &&
      memo.signature === signature &&
      memo.inputs.length === parts.length &&
      memo.inputs.every(
        (x, i) =>
          x.index === parts[i].index &&
          x.prs === parts[i].data.pullRequests &&
          x.generated === parts[i].generated,
      )
    ) {
      return { ...memo.view, pending, leftOut };
    }
    const now = nowMs();
    const metrics = first.parsed.model.metrics;
    const window = flagWindow(metrics.windowDays, now);
    const inputs = parts.map(p => ({
      name: p.name,
      index: p.index,
      generated: parseGitattributes(p.generated),
      pullRequests: p.data.pullRequests,
      resolutions: new Map(),
    }));
    const figures = figuresAcrossRepositories(
      inputs,
      { flag: window, trend: trendWindow(now) },
      teamOnly,
      line => this.sources.warn(line),
    );
    const view: CrossRepositoryView = {
      result: figures.result,
      window,
      teamOnly,
      pending,
      leftOut,
      monthly: figures.monthly,
      models: parts.map(p => p.model),
      fetchedAt: parts.map(p => p.data.fetchedAt!).sort()[0],
      thresholds: {
        leadShare: metrics.leadShareThreshold,
        watch: metrics.watchThreshold,
        minPullRequests: metrics.minPullRequests,
      },
    };
    this.memo = {
      signature,
      inputs: parts.map(p => ({
        index: p.index,
        prs: p.data.pullRequests,
        generated: p.generated,
      })),
      view,
    };
    return view;
  }

  /** The repositories with data, those not fetched yet, and those left out with why. */
  private async parts(
    states: OwnersState[],
  ): Promise<{ parts: Part[]; pending: string[]; leftOut: { repo: string; why: string }[] }> {
    const settings = readGitHubSettings();
    const parts: Part[] = [];
    const seen = new Set<string>();
    const pending: string[] = [];
    const leftOut: { repo: string; why: string }[] = [];
    // Not fetched, or fetched and failed: the failure is the reason, never "not fetched yet" forever.
    const notYet = (data: RepoPullRequests) => {
      if (data.status.kind === 'failed')
        leftOut.push({ repo: data.repo, why: `the last refresh failed: ${data.status.message}` });
      else pending.push(data.repo);
    };
    for (const state of states) {
      const data = await this.sources.dataFor(state).catch(() => undefined);
      if (!data || seen.has(data.repo.toLowerCase())) continue;
      seen.add(data.repo.toLowerCase());
      if (!data.fetchedAt) {
        notYet(data);
        continue;
      }
      parts.push({
        name: data.repo,
        index: state.index,
        model: state.parsed.model,
        generated: '',
        root: state.root,
        data,
      });
    }
    const others = this.sources.otherFiles.known(settings.apiUrl, otherRepositorySetting().refs);
    // One parsed OWNERS.yaml per listed repository's current text (older versions are dropped).
    const current = new Set(others.flatMap(o => (o.owners ? [o.owners.text] : [])));
    for (const text of this.otherIndexes.keys())
      if (!current.has(text)) this.otherIndexes.delete(text);
    for (const other of others) {
      if (seen.has(other.name.toLowerCase())) continue;
      seen.add(other.name.toLowerCase());
      const data = this.sources.dataOf(other.ref, settings.apiUrl);
      const why = whyLeftOut(other);
      if (why) {
        leftOut.push({ repo: other.name, why });
        continue;
      }
      if (!other.owners) {
        pending.push(other.name);
        continue;
      }
      if (!data.fetchedAt) {
        notYet(data);
        continue;
      }
      const index =
        this.otherIndexes.get(other.owners.text) ??
        createOwnershipIndex(parseOwners(other.owners.text).model);
      this.otherIndexes.set(other.owners.text, index);
      parts.push({
        name: other.name,
        index,
        model: index.model,
        generated: other.gitattributes,
        data,
      });
    }
    return { parts, pending, leftOut };
  }
}

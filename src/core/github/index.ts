export { createGitHubClient, GitHubClient, toGitHubError } from './client';
export { apiEndpoints } from './endpoints';
export { GitHubError, GitHubErrorKind } from './errors';
export { syncPullRequests, SyncOptions, SyncResult } from './sync';
export { createTransport, FetchLike, Transport, TransportOptions } from './transport';
export { parseRepo, RepoRef, SyncedPullRequest } from './types';

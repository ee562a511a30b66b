import { log } from '@acme/shared/logger';

export async function search(query: string): Promise<string[]> {
  log('search', { query });
  return [];
}

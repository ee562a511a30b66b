import { log } from '@acme/shared/logger';
import { Cents } from '@acme/shared/money';

export async function charge(orderId: string, amount: Cents): Promise<'captured' | 'declined'> {
  log('charge.attempt', { orderId, amount });
  return amount > 0 ? 'captured' : 'declined';
}

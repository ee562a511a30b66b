import { charge } from '../../payments/src/charge';
import { log } from '@acme/shared/logger';
import { cents } from '@acme/shared/money';
import { search } from '../../search/src/query';

export async function checkout(orderId: string, total: number) {
  const related = await search(`order:${orderId}`);
  log('checkout.start', { orderId, related: related.length });
  return charge(orderId, cents(total * 100));
}

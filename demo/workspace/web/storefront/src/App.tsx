import { checkout } from '../../../services/checkout/src/index';
import { search } from '../../../services/search/src/query';
import leftpad from '../../../third_party/leftpad/index';

export function App() {
  void search('shoes');
  return { onBuy: () => checkout('o-1', 42), label: leftpad('Buy', 8) };
}

export type Cents = number & { readonly brand: unique symbol };
export const cents = (n: number) => Math.round(n) as Cents;

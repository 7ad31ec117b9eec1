export type { Micros } from './micros';
export {
  MICROS_PER_UNIT,
  MAX_AMOUNT_MICROS,
  MAX_BALANCE_MICROS,
} from './micros';
export type { ParseMoneyOptions } from './parseMoney';
export { parseMoney } from './parseMoney';
export type {
  FormatMoneyOptions,
  FormatMoneyWithCurrencyOptions,
  Currency,
} from './formatMoney';
export { formatMoney, formatMoneyWithCurrency } from './formatMoney';
export {
  addMoney,
  subtractMoney,
  negateMoney,
  compareMoney,
  sumMoney,
} from './arithmetic';
export { multiplyMoney } from './multiplyMoney';
export { roundMoney } from './roundMoney';
export { moneyFromDb } from './moneyFromDb';

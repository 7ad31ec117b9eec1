export type { QuantityFormat } from './Quantity';
export { Quantity } from './Quantity';
export { parseQuantity } from './parseQuantity';
export { formatQuantity } from './formatQuantity';
export { toCores, toGiB, toDevices } from './conversions';
export { compareQuantity, addQuantity } from './arithmetic';

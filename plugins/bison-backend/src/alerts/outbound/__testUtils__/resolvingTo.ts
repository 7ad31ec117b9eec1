import { LookupFunction } from 'node:net';

/**
 * A resolver answering each call with the next address given (the last one
 * ever after), as a DNS server that rebinds a name would.
 */
export function resolvingTo(...answers: string[]): LookupFunction {
  let call = 0;
  return ((_host: string, options: { all?: boolean }, callback: Function) => {
    const address = answers[Math.min(call++, answers.length - 1)];
    const family = address.includes(':') ? 6 : 4;
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
}

/**
 * Names Kubernetes and Capsule reserve, which a team or project may not take.
 *
 * @public
 */
export const RESERVED_NAMESPACE_NAMES: readonly string[] = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Why `name` cannot name a tenant or namespace, or undefined when it can:
 * a DNS-1123 label (lowercase letters, digits and '-', 1-63 characters,
 * starting and ending with a letter or digit) that is not reserved.
 *
 * @public
 */
export function tenantNameProblem(
  name: string,
  reserved: readonly string[] = RESERVED_NAMESPACE_NAMES,
): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > 63) return 'must be at most 63 characters';
  if (!DNS_1123_LABEL.test(name)) {
    return "must consist of lowercase letters, digits and '-', and start and end with a letter or digit";
  }
  if (reserved.includes(name)) return `'${name}' is reserved`;
  return undefined;
}

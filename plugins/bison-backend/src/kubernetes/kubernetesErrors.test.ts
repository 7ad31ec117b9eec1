import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import * as k8s from '@kubernetes/client-node';
import {
  adminKubeConfig,
  backendServiceAccountToken,
  itWithCapsule,
  kubeConfigFor,
  serviceAccountToken,
} from '../__testUtils__/kubernetes/testCluster';
import { TENANT_LABEL } from '../tenancy/kubernetesNames';
import { newProjectNamespace } from '../tenancy/projects/projectNamespace';
import { newTenant } from '../tenancy/tenants/tenantFields';
import { KubernetesApi } from './KubernetesApi';
import { fromKubernetesError, kubernetesStatusOf } from './kubernetesErrors';

jest.setTimeout(120_000);

/** A failed call as @kubernetes/client-node throws it: the Status as JSON text. */
function apiException(code: number, message?: string) {
  const status = {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    code,
    ...(message !== undefined ? { message } : {}),
  };
  return new k8s.ApiException(code, 'failed', JSON.stringify(status), {});
}

const RBAC_DENIAL =
  'tenants.capsule.clastix.io is forbidden: User "system:serviceaccount:bison-system:bison-backend" cannot list resource "tenants" in API group "capsule.clastix.io" at the cluster scope';
const WEBHOOK_DENIAL =
  'admission webhook "namespaces.validating.projectcapsule.dev" denied the request: the annotation scheduler.alpha.kubernetes.io/node-selector is enforced via tenant, cannot be updated';

describe('fromKubernetesError', () => {
  it('reads the HTTP status', () => {
    expect(kubernetesStatusOf(apiException(403))).toBe(403);
    expect(kubernetesStatusOf(new Error('ECONNREFUSED'))).toBeUndefined();
  });

  it('maps 404, 409, 400 and 422 to Backstage errors', () => {
    const notFound = fromKubernetesError(apiException(404, 'gone'), "team 'a'");
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect(notFound.message).toBe("team 'a' does not exist in the cluster");

    const conflict = fromKubernetesError(
      apiException(409, 'the object has been modified'),
      "team 'a'",
    );
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict.message).toBe('the object has been modified');
    expect(fromKubernetesError(apiException(409), "team 'a'").message).toBe(
      "team 'a' changed concurrently",
    );

    for (const code of [400, 422]) {
      const invalid = fromKubernetesError(
        apiException(code, 'spec.hard: Invalid value'),
        "team 'a'",
      );
      expect(invalid).toBeInstanceOf(InputError);
      expect(invalid.message).toBe('spec.hard: Invalid value');
    }
    expect(fromKubernetesError(apiException(422), "team 'a'").message).toBe(
      "the cluster rejected team 'a'",
    );
  });

  it("points at the RBAC when the authorizer denied, with the API server's message", () => {
    const error = fromKubernetesError(
      apiException(403, RBAC_DENIAL),
      'tenants',
    );
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error.message).toBe(
      `the cluster denied Bison access to tenants (HTTP 403): ${RBAC_DENIAL}; check the RBAC in deploy/`,
    );
    expect(fromKubernetesError(apiException(403), 'tenants').message).toBe(
      'the cluster denied Bison access to tenants (HTTP 403); check the RBAC in deploy/',
    );
    expect(
      fromKubernetesError(apiException(401, 'Unauthorized'), 'tenants').message,
    ).toBe(
      'the cluster denied Bison access to tenants (HTTP 401): Unauthorized; check the RBAC in deploy/',
    );
  });

  it('tells an admission denial from missing RBAC', () => {
    const error = fromKubernetesError(
      apiException(403, WEBHOOK_DENIAL),
      "namespace 'a-x'",
    );
    expect(error.message).toBe(
      `the cluster denied Bison access to namespace 'a-x' (HTTP 403): ${WEBHOOK_DENIAL}`,
    );
    const policy =
      "ValidatingAdmissionPolicy 'bison-block-new-pods' with binding 'bison-block-new-pods' denied request: This namespace belongs to a suspended Bison team";
    expect(
      fromKubernetesError(apiException(403, policy), "pod of 'a-x'").message,
    ).toBe(
      `the cluster denied Bison access to pod of 'a-x' (HTTP 403): ${policy}`,
    );
  });

  it('reads a Status given as an object too', () => {
    const error = fromKubernetesError(
      { code: 403, body: { message: WEBHOOK_DENIAL } },
      'x',
    );
    expect(error.message).toContain(WEBHOOK_DENIAL);
  });

  it('keeps the message of other failures, and reports no answer as unavailable', () => {
    expect(
      fromKubernetesError(apiException(500, 'etcdserver: timeout'), 'tenants')
        .message,
    ).toBe('the cluster failed on tenants (HTTP 500): etcdserver: timeout');
    const unreachable = fromKubernetesError(
      new Error('connect ECONNREFUSED 127.0.0.1:6443'),
      'tenants',
    );
    expect(unreachable).toBeInstanceOf(ServiceUnavailableError);
    expect(unreachable.message).toBe(
      'the cluster is unreachable: connect ECONNREFUSED 127.0.0.1:6443',
    );
  });
});

describe('Kubernetes errors from a real cluster', () => {
  const admin = adminKubeConfig();

  it('names the missing permission of an RBAC denial', async () => {
    // The default ServiceAccount of the namespace default has no RBAC at all.
    const nobody = new KubernetesApi(
      kubeConfigFor(await serviceAccountToken(admin, 'default', 'default')),
    );
    const error = await nobody.listTenants().catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      'the cluster denied Bison access to tenants (HTTP 403): tenants.capsule.clastix.io is forbidden: User "system:serviceaccount:default:default" cannot list resource "tenants" in API group "capsule.clastix.io" at the cluster scope; check the RBAC in deploy/',
    );
  });

  itWithCapsule(
    "passes on Capsule's reason when its webhook denies",
    async () => {
      const run = Date.now().toString(36);
      const [teamA, teamB] = [`ke${run}-a`, `ke${run}-b`];
      const namespace = `${teamA}-x`;
      const asAdmin = new KubernetesApi(admin);
      const tenants = [];
      for (const team of [teamA, teamB]) {
        tenants.push(
          await asAdmin.createTenant(
            newTenant(team, `group:default/${team}`, {
              owners: [{ kind: 'Group', name: team }],
              hard: {},
              pool: 'shared',
            }),
          ),
        );
      }
      try {
        await asAdmin.createNamespace(
          newProjectNamespace(namespace, tenants[0], {}),
        );
        const backend = new KubernetesApi(
          kubeConfigFor(await backendServiceAccountToken()),
        );
        // Only the label, not the ownerReference: Capsule refuses the move.
        const error = await backend
          .patchNamespace(namespace, {
            metadata: { labels: { [TENANT_LABEL]: teamB } },
          })
          .catch((e: Error) => e);
        expect(error).toBeInstanceOf(Error);
        const { message } = error as Error;
        expect(message).toMatch(
          new RegExp(
            `^the cluster denied Bison access to namespace '${namespace}' \\(HTTP 403\\): admission webhook "namespaces\\.(mutating|validating)\\.projectcapsule\\.dev" denied the request: `,
          ),
        );
        expect(message).toContain(
          `namespace label "${teamB}" does not match owner reference "${teamA}"`,
        );
        expect(message).not.toContain('RBAC');
      } finally {
        await asAdmin.deleteNamespace(namespace).catch(() => undefined);
        for (const team of [teamA, teamB]) {
          await asAdmin.deleteTenant(team).catch(() => undefined);
        }
      }
    },
  );
});

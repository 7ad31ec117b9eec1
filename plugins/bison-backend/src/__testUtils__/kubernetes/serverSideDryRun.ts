import * as k8s from '@kubernetes/client-node';
import https from 'node:https';

/** Exposes the path client-node computes for an object (by discovery). */
class ObjectPaths extends k8s.KubernetesObjectApi {
  pathOf(object: k8s.KubernetesObject): Promise<string> {
    return this.specUriPath(object, 'patch');
  }
}

/**
 * Applies an object as a server-side dry run with strict field validation
 * (`kubectl apply --server-side --dry-run=server --validate=strict`) and
 * returns the API server's answer. The object is sent as is: client-node's
 * models would drop fields they do not know, which the server must see to
 * refuse them.
 */
export async function serverSideDryRun(
  kc: k8s.KubeConfig,
  object: k8s.KubernetesObject,
): Promise<{ status: number; body: any }> {
  const paths = kc.makeApiClient(ObjectPaths);
  const path = await paths.pathOf(object);
  const query = new URLSearchParams({
    fieldManager: 'bison-tests',
    dryRun: 'All',
    force: 'true',
    fieldValidation: 'Strict',
  });
  const url = new URL(`${kc.getCurrentCluster()!.server}${path}?${query}`);
  const options: https.RequestOptions = {
    method: 'PATCH',
    hostname: url.hostname,
    port: url.port,
    path: `${url.pathname}${url.search}`,
    headers: { 'content-type': 'application/apply-patch+yaml' },
  };
  await kc.applyToHTTPSOptions(options);
  return new Promise((resolve, reject) => {
    const request = https.request(options, response => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', chunk => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }),
      );
    });
    request.on('error', reject);
    request.end(JSON.stringify(object));
  });
}

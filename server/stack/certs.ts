/**
 * Certificates and keys of a real-stack run, made at start in its work folder: a CA, the
 * kube-apiserver's serving certificate for loopback (signed with openssl, the one tool here that
 * issues X.509 certificates) and the service-account signing key pair (node:crypto).
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface StackCerts {
  caFile: string;
  caPem: string;
  certFile: string;
  keyFile: string;
  saKeyFile: string;
  saPubFile: string;
  /** The aggregation layer: kube-apiserver's client certificate towards aggregated API servers, and its CA. */
  frontProxyCaFile: string;
  frontProxyCaPem: string;
  proxyClientCertFile: string;
  proxyClientKeyFile: string;
}

/** The CN kube-apiserver's proxy client certificate carries (--requestheader-allowed-names). */
export const FRONT_PROXY_CLIENT = 'front-proxy-client';

/** The names the serving certificate is valid for (kubeconfigs use https://127.0.0.1:port). */
const SERVER_NAMES = [
  'IP:127.0.0.1',
  'IP:10.96.0.1',
  'DNS:localhost',
  'DNS:kubernetes',
  'DNS:kubernetes.default',
  'DNS:kubernetes.default.svc',
  'DNS:kubernetes.default.svc.cluster.local',
];

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    const err = e as Error & { stderr?: Buffer; code?: string };
    if (err.code === 'ENOENT') throw new Error('openssl is needed to make the stack certificates and was not found');
    throw new Error(`openssl ${args[0]} failed: ${err.stderr?.toString().trim() ?? err.message}`);
  }
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

export function makeCa(dir: string, name: string, cn: string): void {
  openssl(
    ['req', '-x509', ...EC, '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '3650', '-subj', `/CN=${cn}`],
    dir,
  );
}

/** `${name}.crt` and `${name}.key` signed by `${ca}.crt`: a server certificate for `names`, or a client one. */
export function issueCert(dir: string, ca: string, name: string, cn: string, names?: string[]): void {
  openssl(['req', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`], dir);
  const usage = names
    ? `subjectAltName=${names.join(',')}\nextendedKeyUsage=serverAuth`
    : 'extendedKeyUsage=clientAuth';
  writeFileSync(path.join(dir, `${name}.ext`), `${usage}\nkeyUsage=digitalSignature,keyEncipherment\n`);
  const sign = ['-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-out', `${name}.crt`];
  openssl(['x509', '-req', '-in', `${name}.csr`, ...sign, '-days', '365', '-extfile', `${name}.ext`], dir);
}

export function makeCerts(dir: string): StackCerts {
  makeCa(dir, 'ca', 'stack-ca');
  issueCert(dir, 'ca', 'apiserver', 'kube-apiserver', SERVER_NAMES);
  makeCa(dir, 'front-proxy-ca', 'front-proxy-ca');
  issueCert(dir, 'front-proxy-ca', 'front-proxy-client', FRONT_PROXY_CLIENT);
  const sa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(path.join(dir, 'sa.key'), sa.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(path.join(dir, 'sa.pub'), sa.publicKey.export({ type: 'spki', format: 'pem' }));
  return {
    caFile: path.join(dir, 'ca.crt'),
    caPem: readFileSync(path.join(dir, 'ca.crt'), 'utf8'),
    certFile: path.join(dir, 'apiserver.crt'),
    keyFile: path.join(dir, 'apiserver.key'),
    saKeyFile: path.join(dir, 'sa.key'),
    saPubFile: path.join(dir, 'sa.pub'),
    frontProxyCaFile: path.join(dir, 'front-proxy-ca.crt'),
    frontProxyCaPem: readFileSync(path.join(dir, 'front-proxy-ca.crt'), 'utf8'),
    proxyClientCertFile: path.join(dir, 'front-proxy-client.crt'),
    proxyClientKeyFile: path.join(dir, 'front-proxy-client.key'),
  };
}

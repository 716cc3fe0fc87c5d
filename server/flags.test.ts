import { describe, expect, it } from 'vitest';
import { FlagError, readFlags } from './flags.js';

describe('server flags', () => {
  it('defaults to port 8080 on 127.0.0.1 with the embedded cluster', () => {
    const flags = readFlags([], {});
    expect(flags).toMatchObject({ port: 8080, host: '127.0.0.1', kubeconfig: undefined, seed: 'default', speed: 1 });
  });
  it('takes PORT from the environment and --port over it', () => {
    expect(readFlags([], { PORT: '9000' }).port).toBe(9000);
    expect(readFlags(['--port', '9001'], { PORT: '9000' }).port).toBe(9001);
    expect(readFlags(['--port=9002', '--host', '0.0.0.0'], {})).toMatchObject({ port: 9002, host: '0.0.0.0' });
  });
  it('reads the hosts the console is served under, the public URL and whether to trust X-Forwarded-*', () => {
    expect(readFlags([], {})).toMatchObject({ allowedHosts: [], publicUrl: undefined, trustForwardedHeaders: false });
    const flags = readFlags(
      [
        '--allowed-hosts',
        'Console.example.com, *.apps.example.org',
        '--public-url',
        'https://kv.example.net/',
        '--trust-forwarded-headers',
      ],
      {},
    );
    expect(flags.allowedHosts).toEqual(['console.example.com', '*.apps.example.org']);
    expect(flags.publicUrl?.origin).toBe('https://kv.example.net');
    expect(flags.trustForwardedHeaders).toBe(true);
    expect(readFlags([], { CONSOLE_ALLOWED_HOSTS: '*' }).allowedHosts).toEqual(['*']);
    expect(() => readFlags(['--allowed-hosts', 'http://x.example'], {})).toThrow(/host names/);
    expect(() => readFlags(['--allowed-hosts', 'a.*.example'], {})).toThrow(/host names/);
    expect(() => readFlags(['--public-url', 'console.example.com'], {})).toThrow(/URL/);
  });
  it('refuses unknown flags and bad values with a message', () => {
    expect(() => readFlags(['--prot', '1'], {})).toThrow(FlagError);
    expect(() => readFlags(['--port', 'abc'], {})).toThrow(/port number/);
    expect(() => readFlags(['--speed', '0'], {})).toThrow(/positive/);
    expect(() => readFlags(['--seed'], {})).toThrow(/needs a value/);
  });
  it('reads the CDI upload proxy URL, its CA and the upload size limit', () => {
    expect(readFlags([], {})).toMatchObject({ cdiUploadProxyUrl: undefined, maxUploadBytes: 64 * 2 ** 30 });
    const flags = readFlags(
      [
        '--cdi-uploadproxy-url',
        'https://upload.example:8443',
        '--cdi-uploadproxy-ca',
        'ca.pem',
        '--max-upload-bytes=10Gi',
      ],
      {},
    );
    expect(flags.cdiUploadProxyUrl?.origin).toBe('https://upload.example:8443');
    expect(flags.cdiUploadProxyCa).toBe('ca.pem');
    expect(flags.maxUploadBytes).toBe(10 * 2 ** 30);
    expect(readFlags([], { CDI_UPLOADPROXY_URL: 'http://127.0.0.1:9' }).cdiUploadProxyUrl?.port).toBe('9');
    expect(() => readFlags(['--cdi-uploadproxy-url', 'cdi-uploadproxy'], {})).toThrow(/URL/);
    expect(() => readFlags(['--max-upload-bytes', 'lots'], {})).toThrow(/size/);
    expect(() => readFlags(['--max-upload-bytes', '0'], {})).toThrow(/size/);
  });
  it('reads where the in-cluster service account is mounted, only with --in-cluster', () => {
    expect(readFlags(['--in-cluster'], {})).toMatchObject({ inCluster: true, serviceAccountDir: undefined });
    expect(readFlags(['--in-cluster', '--service-account-dir', '/run/sa'], {}).serviceAccountDir).toBe('/run/sa');
    expect(() => readFlags(['--service-account-dir', '/run/sa'], {})).toThrow(/only applies with --in-cluster/);
  });
  it('reads the Prometheus URL and its CA', () => {
    expect(readFlags([], {})).toMatchObject({ prometheusUrl: undefined, prometheusCa: undefined });
    const flags = readFlags(['--prometheus-url', 'https://thanos.example:9091/', '--prometheus-ca=ca.pem'], {});
    expect(flags.prometheusUrl?.href).toBe('https://thanos.example:9091/');
    expect(flags.prometheusCa).toBe('ca.pem');
    expect(readFlags([], { PROMETHEUS_URL: 'http://127.0.0.1:9090' }).prometheusUrl?.port).toBe('9090');
    expect(() => readFlags(['--prometheus-url', 'thanos-querier'], {})).toThrow(/URL/);
    expect(() => readFlags(['--prometheus-url', 'ftp://thanos'], {})).toThrow(/http or https/);
    expect(() => readFlags(['--prometheus-url', 'https://user:pw@thanos'], {})).toThrow(/credentials/);
  });
});

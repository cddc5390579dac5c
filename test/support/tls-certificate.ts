import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A self-signed certificate for 127.0.0.1 made with the system's openssl (it is its own CA), written as
 * `<dir>/<name>.key` and `<dir>/<name>.pem`: the files (for a command line's --tls-key/--tls-cert) and their bytes.
 */
export function makeCertificate(dir: string, name: string): { key: Buffer; cert: Buffer; keyFile: string; certFile: string } {
  const keyFile = path.join(dir, `${name}.key`);
  const certFile = path.join(dir, `${name}.pem`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', `/CN=${name}`, '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile), keyFile, certFile };
}

import path from 'node:path';
import { DataKey } from '../../src/main/crypto/data-key';
import { FileKeyKeeper } from '../../src/main/crypto/file-key-keeper';
import { otherKeeper } from './other-key-keeper';

/**
 * Runs DataKey.migrateKeeper from the file keeper to the other keeper in DIR and kills itself (SIGKILL, no clean-up
 * of any kind) at the KILL_AT-th step; prints each step so the test knows how many there are.
 */
const [dir, killAt] = [process.argv[2]!, Number(process.argv[3] ?? 0)];
let step = 0;
DataKey.migrateKeeper(dir, new FileKeyKeeper(path.join(dir, 'kek')), otherKeeper(), (name, file) => {
  step += 1;
  process.stdout.write(`${step} ${name} ${path.basename(file)}\n`);
  if (step === killAt) process.kill(process.pid, 'SIGKILL');
});

import { test, expect } from './fixtures';
import { SiteServer } from './support/server';
import type { Page, Locator } from '@playwright/test';

/** A lab page as a learner uses it: the terminal, the tasks, the console. */
class Lab {
  readonly input: Locator;
  readonly output: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByTestId('terminal-input');
    this.output = page.getByTestId('terminal-output');
  }

  /** Opens a lab with a fixed seed, as a lab's reset does in tests. */
  async open(id: string, base = '', seed = 7) {
    await this.page.goto(`${base}/labs/${id}?seed=${seed}`);
    await expect(this.page.getByTestId('tasks')).toBeVisible();
  }

  /** Types a command, presses Enter and waits for the worker's answer. */
  async run(line: string) {
    const before = await this.output.locator('.term-cmd').count();
    await this.input.fill(line);
    await this.input.press('Enter');
    await expect(this.output.locator('.term-cmd')).toHaveCount(before + 1);
    await expect(this.output.locator('.term-busy')).toHaveCount(0);
  }

  async lastStdout(): Promise<string> {
    return (await this.output.locator('.term-stdout').last().textContent()) ?? '';
  }

  async lastStderr(): Promise<string> {
    return (await this.output.locator('.term-stderr').last().textContent()) ?? '';
  }

  /** Creates a symmetric key and returns its ID. */
  async createKey(description: string): Promise<string> {
    await this.run(`aws kms create-key --description "${description}" --query KeyMetadata.KeyId --output text`);
    return (await this.lastStdout()).trim();
  }

  get tasks(): Locator {
    return this.page.getByTestId('task');
  }

  async expectTasksDone(done: number, total: number) {
    await expect(this.tasks.and(this.page.locator('[data-done="true"]'))).toHaveCount(done);
    await expect(this.tasks).toHaveCount(total);
  }
}

async function completeFirstKey(lab: Lab) {
  const keyId = await lab.createKey('My first KMS key');
  expect(keyId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  await lab.run(`aws kms create-alias --alias-name alias/first-key --target-key-id ${keyId}`);
  await lab.run('echo "The launch code is 0000" > message.txt');
  await lab.run(
    'aws kms encrypt --key-id alias/first-key --plaintext fileb://message.txt --encryption-context project=keydeck --query CiphertextBlob --output text | base64 --decode > message.enc',
  );
  await lab.run('aws kms decrypt --ciphertext-blob fileb://message.enc --encryption-context project=keydeck --query Plaintext --output text | base64 --decode');
  expect(await lab.lastStdout()).toBe('The launch code is 0000\n');
  await lab.run('aws kms decrypt --ciphertext-blob fileb://message.enc --encryption-context project=other');
  expect(await lab.lastStderr()).toContain('An error occurred (InvalidCiphertextException) when calling the Decrypt operation');
  return keyId;
}

test('the labs page lists the twelve labs, and axe finds nothing there', async ({ app, page }) => {
  await app.open('/labs');
  const cards = page.getByTestId('lab-list').locator('li');
  await expect(cards).toHaveCount(12);
  await expect(cards.first()).toContainText('Lab 1');
  expect(await app.accessibilityViolations()).toEqual([]);
});

test('the list of labs does not wait for the simulator; pointing at a lab starts it and fetches the lab\'s code', async ({ page }) => {
  // The simulator never answers: its entry script is held.
  const entry: string[] = [];
  await page.route(/\/sim-worker-[0-9a-f]+\/worker\.js$/, (route) => {
    entry.push(route.request().url());
  });
  const code: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/pack_lab.bin')) code.push(r.url());
  });
  // The catalog comes after the list's code has run.
  let listCame = () => {};
  const came = new Promise<void>((resolve) => { listCame = resolve; });
  page.on('requestfinished', (r) => {
    if (r.url().endsWith('/pack_labs.bin')) listCame();
  });
  await page.route(/\/labs-[0-9a-f]+\.json$/, async (route) => {
    await came;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await page.goto('/labs');
  const cards = page.getByTestId('lab-list').locator('li');
  await expect(cards).toHaveCount(12);
  await expect(cards.nth(1).getByRole('link')).toHaveText('Envelope encryption');
  await expect(cards.first().getByTestId('lab-status')).toHaveText(/^\d+ tasks · about \d+ min$/);
  expect(code).toEqual([]);
  await cards.first().getByRole('link').hover();
  await expect.poll(() => code.length).toBe(1);
  await expect.poll(() => entry.length).toBe(1);
  // A second lab pointed at fetches nothing more.
  await cards.nth(1).getByRole('link').hover();
  await page.waitForTimeout(300);
  expect(code).toHaveLength(1);
  expect(entry).toHaveLength(1);
});

test('lab 1 is completed by typing into the terminal', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('first-key');
  const total = await lab.tasks.count();
  await completeFirstKey(lab);
  await lab.expectTasksDone(total, total);
  await expect(page.getByTestId('task-meter')).toHaveText('All tasks done');
  await page.goto('/labs');
  await expect(page.getByTestId('lab-list').locator('li').first().getByTestId('lab-status')).toHaveText('Completed');
  await page.goto('/progress');
  await expect(page.getByTestId('labs-done')).toHaveText('1 lab completed.');
});

test('each task a command completes is announced, then all of them', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('first-key');
  const spoken = page.getByTestId('task-announcement');
  await expect(spoken).toHaveAttribute('role', 'status');
  await expect(spoken).toBeEmpty();
  const total = await lab.tasks.count();
  await lab.createKey('Announced');
  const first = (await lab.tasks.first().locator('.task-title').textContent())!.trim();
  await expect(spoken).toHaveText(`Task done: ${first}. 1 of ${total} tasks done.`);
  await completeFirstKey(lab);
  await expect(spoken).toHaveText(/^Tasks? done: .+\. All tasks done\.$/);
});

test('lab 2 is completed by typing into the terminal', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('envelope-encryption');
  const total = await lab.tasks.count();
  const keyId = await lab.createKey('Envelope encryption lab');
  await lab.run(`aws kms create-alias --alias-name alias/envelope --target-key-id ${keyId}`);
  await lab.run('aws kms generate-data-key --key-id alias/envelope --key-spec AES_256 --encryption-context app=envelope-lab > datakey.json');
  await lab.run('cat datakey.json');
  const dataKey = JSON.parse(await lab.lastStdout());
  await lab.run(`echo '${dataKey.Plaintext}' | base64 --decode > datakey`);
  await lab.run(`echo '${dataKey.CiphertextBlob}' | base64 --decode > datakey.enc`);
  await lab.run('echo "Quarterly numbers: up 12%" > report.txt');
  await lab.run('keydeck-crypt encrypt --key fileb://datakey --in report.txt --out report.txt.enc');
  await lab.run('rm datakey datakey.json report.txt');
  await lab.run('ls');
  expect(await lab.lastStdout()).not.toMatch(/^datakey$/m);
  await lab.run(
    'aws kms decrypt --ciphertext-blob fileb://datakey.enc --encryption-context app=envelope-lab --query Plaintext --output text | base64 --decode > datakey',
  );
  await lab.run('keydeck-crypt decrypt --key fileb://datakey --in report.txt.enc --out report.txt');
  await lab.run('cat report.txt');
  expect(await lab.lastStdout()).toBe('Quarterly numbers: up 12%\n');
  await lab.expectTasksDone(total, total);
  await lab.run('rm datakey');
  await lab.expectTasksDone(total, total);
});

/** Runs a command that prints JSON, and returns it parsed. */
async function runJson(lab: Lab, line: string): Promise<any> {
  await lab.run(line);
  return JSON.parse(await lab.lastStdout());
}

/** Opens a lab that has `tasks` tasks, none of them done. */
async function openLab(page: Page, id: string, tasks: number): Promise<{ lab: Lab; total: number }> {
  const lab = new Lab(page);
  await lab.open(id);
  await lab.expectTasksDone(0, tasks);
  return { lab, total: tasks };
}

// Labs 9 to 11 type the commands of their instructions, as
// crates/lab/tests/labs.rs runs them, with the IDs the answers give.

test('lab 9, Parameter Store, is completed by typing into the terminal', async ({ page }) => {
  const { lab, total } = await openLab(page, 'parameter-store', 7);

  const key = await runJson(lab, 'aws kms create-key --description "Parameter Store lab"');
  await lab.run(`aws kms create-alias --alias-name alias/app-config --target-key-id ${key.KeyMetadata.KeyId}`);
  await lab.expectTasksDone(1, total);

  await lab.run('aws ssm put-parameter --name /app/prod/db/host --value db.prod.internal --type String');
  await lab.run('aws ssm put-parameter --name /app/prod/db/port --value 5432 --type String');
  await lab.run('aws ssm put-parameter --name /app/dev/db/host --value db.dev.internal --type String');
  await lab.expectTasksDone(2, total);

  await lab.run(
    'aws ssm put-parameter --name /app/prod/db/password --value "correct-horse-battery-staple" --type SecureString --key-id alias/app-config',
  );
  const sealed = await runJson(lab, 'aws ssm get-parameter --name /app/prod/db/password');
  expect(sealed.Parameter.Value).not.toBe('correct-horse-battery-staple');
  await lab.run('aws ssm get-parameter --name /app/prod/db/password --with-decryption --query Parameter.Value --output text');
  expect(await lab.lastStdout()).toBe('correct-horse-battery-staple\n');
  await lab.expectTasksDone(3, total);

  const tree = await runJson(lab, 'aws ssm get-parameters-by-path --path /app/prod --recursive --with-decryption');
  expect(tree.Parameters.map((p: any) => p.Name)).toEqual(['/app/prod/db/host', '/app/prod/db/password', '/app/prod/db/port']);
  await lab.expectTasksDone(4, total);

  await lab.run('aws ssm put-parameter --name /app/prod/db/host --value db2.prod.internal --overwrite');
  await lab.run('aws ssm label-parameter-version --name /app/prod/db/host --parameter-version 1 --labels rollback');
  const rollback = await runJson(lab, 'aws ssm get-parameter --name /app/prod/db/host:rollback');
  expect(rollback.Parameter.Value).toBe('db.prod.internal');
  await lab.run('aws ssm get-parameter-history --name /app/prod/db/host');
  await lab.expectTasksDone(5, total);

  await lab.run(
    `aws ssm put-parameter --name /app/prod/promo/code --value SPRING26 --type String --tier Advanced --policies '[{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2026-01-08T00:00:00.000Z"}}]'`,
  );
  const promo = await runJson(lab, 'aws ssm describe-parameters --parameter-filters Key=Name,Values=/app/prod/promo/code');
  expect(promo.Parameters[0].Policies[0].PolicyStatus).toBe('Pending');
  await lab.expectTasksDone(6, total);

  await lab.run('keydeck clock advance --days 8');
  expect(await lab.lastStdout()).toBe('2026-01-09T00:00:00Z\n');
  await lab.run('aws ssm get-parameter --name /app/prod/promo/code');
  expect(await lab.lastStderr()).toContain('An error occurred (ParameterNotFound) when calling the GetParameter operation');
  await lab.expectTasksDone(total, total);
  await expect(page.getByTestId('task-meter')).toHaveText('All tasks done');
});

test('lab 10, Secrets Manager rotation, is completed by typing into the terminal', async ({ page }) => {
  const { lab, total } = await openLab(page, 'secrets-manager', 7);
  const fn = 'arn:aws:lambda:us-east-1:111122223333:function:rotate-app-db';

  const key = await runJson(lab, 'aws kms create-key --description "Secrets Manager lab"');
  await lab.run(`aws kms create-alias --alias-name alias/app-secrets --target-key-id ${key.KeyMetadata.KeyId}`);
  await lab.expectTasksDone(1, total);

  await lab.run(
    `aws secretsmanager create-secret --name prod/app/db --description "Database user of the app" --kms-key-id alias/app-secrets --secret-string '{"username":"app","password":"first-password-1"}'`,
  );
  const first = await runJson(lab, 'aws secretsmanager get-secret-value --secret-id prod/app/db');
  expect(first.VersionStages).toEqual(['AWSCURRENT']);
  await lab.expectTasksDone(2, total);

  await lab.run(`aws secretsmanager rotate-secret --secret-id prod/app/db --rotation-lambda-arn ${fn} --rotation-rules AutomaticallyAfterDays=30`);
  const rotated = await runJson(lab, 'aws secretsmanager describe-secret --secret-id prod/app/db');
  expect(rotated.NextRotationDate).toBe('2026-01-31T00:00:00+00:00');
  await lab.expectTasksDone(3, total);

  await lab.run('aws secretsmanager list-secret-version-ids --secret-id prod/app/db');
  await lab.run('aws secretsmanager get-secret-value --secret-id prod/app/db --version-stage AWSPREVIOUS --query SecretString --output text');
  expect(await lab.lastStdout()).toBe('{"username":"app","password":"first-password-1"}\n');
  await lab.run('aws secretsmanager get-secret-value --secret-id prod/app/db --query SecretString --output text');
  expect(JSON.parse(await lab.lastStdout()).password).toHaveLength(32);
  await lab.expectTasksDone(4, total);

  // The failing function: the call succeeds, the labels show the failure.
  await lab.run(`aws secretsmanager rotate-secret --secret-id prod/app/db --rotation-lambda-arn ${fn}-fail-at-testSecret`);
  const broken = await runJson(lab, 'aws secretsmanager describe-secret --secret-id prod/app/db --query VersionIdsToStages');
  expect(Object.values(broken).flat().sort()).toEqual(['AWSCURRENT', 'AWSPENDING', 'AWSPREVIOUS']);
  await lab.expectTasksDone(5, total);

  await lab.run(`aws secretsmanager rotate-secret --secret-id prod/app/db --rotation-lambda-arn ${fn}`);
  expect(await lab.lastStderr()).toContain(
    "An error occurred (InvalidRequestException) when calling the RotateSecret operation: A previous rotation isn't complete. That rotation will be reattempted.",
  );
  const fixed = await runJson(lab, 'aws secretsmanager describe-secret --secret-id prod/app/db --query VersionIdsToStages');
  expect(Object.values(fixed).flat().sort()).toEqual(['AWSCURRENT', 'AWSPREVIOUS']);
  await lab.expectTasksDone(6, total);

  await lab.run('keydeck clock advance --days 31');
  const scheduled = await runJson(lab, 'aws secretsmanager describe-secret --secret-id prod/app/db');
  expect(scheduled.LastRotatedDate).toBe('2026-02-01T00:00:00+00:00');
  await lab.expectTasksDone(total, total);
  await expect(page.getByTestId('task-meter')).toHaveText('All tasks done');
});

const SNAPSHOT_KEY_POLICY =
  '{"Version":"2012-10-17","Statement":[{"Sid":"Enable IAM policies","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},{"Sid":"Partner may copy shared snapshots","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":["kms:DescribeKey","kms:CreateGrant","kms:Decrypt","kms:ReEncrypt*","kms:GenerateDataKey*"],"Resource":"*"}]}';

test('lab 11, copying an encrypted snapshot, is completed by typing into the terminal', async ({ page }) => {
  const { lab, total } = await openLab(page, 'snapshot-copy', 7);

  const managed = await runJson(lab, 'aws ec2 create-volume --availability-zone us-east-1a --size 8 --encrypted');
  const managedSnapshot = await runJson(lab, `aws ec2 create-snapshot --volume-id ${managed.VolumeId} --description "Under aws/ebs"`);
  await lab.run(
    `aws ec2 modify-snapshot-attribute --snapshot-id ${managedSnapshot.SnapshotId} --attribute createVolumePermission --operation-type add --user-ids 444455556666`,
  );
  expect(await lab.lastStderr()).toContain(
    'An error occurred (OperationNotPermitted) when calling the ModifySnapshotAttribute operation: Encrypted snapshots with EBS default key cannot be shared',
  );
  await lab.expectTasksDone(1, total);

  const key = await runJson(lab, 'aws kms create-key --description "Shared EBS snapshots"');
  const keyId = key.KeyMetadata.KeyId;
  await lab.run(`aws kms create-alias --alias-name alias/ebs-share --target-key-id ${keyId}`);
  const volume = await runJson(lab, 'aws ec2 create-volume --availability-zone us-east-1a --size 8 --encrypted --kms-key-id alias/ebs-share');
  const snapshot = await runJson(lab, `aws ec2 create-snapshot --volume-id ${volume.VolumeId} --description "Orders database"`);
  const snapshotId = snapshot.SnapshotId;
  expect(snapshot.KmsKeyId).toBe(key.KeyMetadata.Arn);
  await lab.expectTasksDone(2, total);

  await lab.run(
    `aws ec2 modify-snapshot-attribute --snapshot-id ${snapshotId} --attribute createVolumePermission --operation-type add --user-ids 444455556666`,
  );
  await lab.run(`aws ec2 describe-snapshot-attribute --snapshot-id ${snapshotId} --attribute createVolumePermission`);
  const seen = await runJson(lab, 'aws ec2 describe-snapshots --profile partner --owner-ids 111122223333');
  expect(seen.Snapshots.map((s: any) => s.SnapshotId)).toEqual([snapshotId]);
  await lab.expectTasksDone(3, total);

  // The partner's first copy: the call succeeds, the copy fails.
  const partnerKey = await runJson(lab, 'aws kms create-key --profile partner --description "Partner snapshot copies"');
  const partnerKeyId = partnerKey.KeyMetadata.KeyId;
  const copy = `aws ec2 copy-snapshot --profile partner --source-region us-east-1 --source-snapshot-id ${snapshotId} --encrypted --kms-key-id ${partnerKeyId}`;
  await lab.run(copy);
  const failed = await runJson(lab, 'aws ec2 describe-snapshots --profile partner --owner-ids self');
  expect(failed.Snapshots[0].State).toBe('error');
  expect(failed.Snapshots[0].StateMessage).toBe('Given key ID is not accessible');
  await lab.expectTasksDone(4, total);

  await lab.run(`echo '${SNAPSHOT_KEY_POLICY}' > policy.json`);
  await lab.run(`aws kms put-key-policy --key-id ${keyId} --policy-name default --policy file://policy.json`);
  await lab.expectTasksDone(5, total);

  const copied = await runJson(lab, copy);
  const completed = await runJson(lab, 'aws ec2 describe-snapshots --profile partner --owner-ids self --filters Name=status,Values=completed');
  expect(completed.Snapshots.map((s: any) => s.SnapshotId)).toEqual([copied.SnapshotId]);
  expect(completed.Snapshots[0].KmsKeyId).toBe(partnerKey.KeyMetadata.Arn);
  await lab.expectTasksDone(6, total);

  await lab.run(`aws ec2 create-volume --profile partner --availability-zone us-east-1b --snapshot-id ${copied.SnapshotId}`);
  const volumes = await runJson(lab, 'aws ec2 describe-volumes --profile partner');
  expect(volumes.Volumes[0].SnapshotId).toBe(copied.SnapshotId);
  await lab.expectTasksDone(total, total);
  await expect(page.getByTestId('task-meter')).toHaveText('All tasks done');
});

test('a wrong command shows the AWS CLI error text', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('first-key');
  await lab.run('aws kms encrypt --plaintext aGk=');
  expect(await lab.lastStderr()).toContain('aws: error: the following arguments are required: --key-id');
  await lab.run('aws kms describe-key --key-id alias/missing');
  expect(await lab.lastStderr()).toContain(
    "An error occurred (NotFoundException) when calling the DescribeKey operation: Alias arn:aws:kms:us-east-1:111122223333:alias/missing is not found.",
  );
  await lab.run('aws kms encypt');
  expect(await lab.lastStderr()).toContain('Invalid choice');
  expect(await lab.lastStderr()).toContain('encrypt');
});

test('a lab keeps its keys, files, history and ticked tasks across a reload', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('first-key');
  const keyId = await lab.createKey('kept');
  await lab.run(`aws kms create-alias --alias-name alias/first-key --target-key-id ${keyId}`);
  await lab.run('echo kept > note.txt');
  await lab.expectTasksDone(2, await lab.tasks.count());

  await page.reload();
  await expect(page.getByTestId('tasks')).toBeVisible();
  await lab.expectTasksDone(2, await lab.tasks.count());
  await lab.run('cat note.txt');
  expect(await lab.lastStdout()).toBe('kept\n');
  await lab.run('aws kms describe-key --key-id alias/first-key --query KeyMetadata.KeyId --output text');
  expect((await lab.lastStdout()).trim()).toBe(keyId);
  await lab.input.press('ArrowUp');
  await expect(lab.input).toHaveValue('aws kms describe-key --key-id alias/first-key --query KeyMetadata.KeyId --output text');
  await lab.input.press('ArrowUp');
  await expect(lab.input).toHaveValue('cat note.txt');
  await lab.input.press('ArrowDown');
  await lab.input.press('ArrowDown');
  await expect(lab.input).toHaveValue('');
});

test('Tab completes operations, options and file names', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('first-key');
  await lab.input.fill('aws kms encr');
  await lab.input.press('Tab');
  await expect(lab.input).toHaveValue('aws kms encrypt ');
  await lab.input.fill('aws kms encrypt --key');
  await lab.input.press('Tab');
  await expect(lab.input).toHaveValue('aws kms encrypt --key-id ');
  await lab.input.fill('aws kms generate-data-key');
  await lab.input.press('Tab');
  // Several operations share the prefix: they are listed, the line is kept.
  await expect(lab.output.locator('.term-stdout').last()).toContainText('generate-data-key-pair');
  await lab.run('echo hi > secret.txt');
  await lab.input.fill('cat sec');
  await lab.input.press('Tab');
  await expect(lab.input).toHaveValue('cat secret.txt ');
  // An empty line lets Tab move focus on, so the keyboard never gets stuck.
  await lab.input.fill('');
  await lab.input.press('Tab');
  await expect(lab.input).not.toBeFocused();
});

test('the console shows a key made in the terminal, and a policy saved there changes the next answer', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('first-key');
  const keyId = await lab.createKey('console test');
  await lab.run(`aws kms create-alias --alias-name alias/console-test --target-key-id ${keyId}`);
  const keys = page.getByTestId('console-keys');
  await expect(keys).toContainText('alias/console-test');
  await expect(keys).toContainText('Enabled');

  await page.getByRole('tab', { name: 'Key policy' }).click();
  const editor = page.getByTestId('policy-editor');
  await expect(editor).toHaveValue(/Enable IAM User Permissions/);
  await editor.fill('{"Version":"2012-10-17",');
  await expect(page.getByText(/^Not valid JSON/)).toBeVisible();
  const policy = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
      { Sid: 'NoEncryptForAdmins', Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::111122223333:role/Admin' }, Action: 'kms:Encrypt', Resource: '*' },
    ],
  };
  await editor.fill(JSON.stringify(policy, null, 2));
  await expect(page.getByText('Valid JSON.')).toBeVisible();
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByText('Policy saved.')).toBeVisible();

  await lab.run('aws kms encrypt --key-id alias/console-test --plaintext aGk=');
  expect(await lab.lastStderr()).toContain('An error occurred (AccessDeniedException) when calling the Encrypt operation');
  expect(await lab.lastStderr()).toContain('with an explicit deny in a resource-based policy');

  await page.getByRole('tab', { name: 'Event history' }).click();
  const events = page.getByTestId('console-events');
  await expect(events.locator('tbody tr').first()).toContainText('Encrypt');
  await expect(events.locator('tbody tr').first()).toContainText('AccessDeniedException');
  await expect(events).toContainText('PutKeyPolicy');
});

test('"Try a call" names the statement that decided', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('first-key');
  await lab.createKey('try a call');
  await page.getByRole('tab', { name: 'Key policy' }).click();
  await page.getByRole('button', { name: 'Try' }).click();
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toContainText('Deny');
  await expect(verdict).toContainText('is not authorized to perform: kms:Decrypt');
});

test('the Parameters tab shows a SecureString as "(encrypted)" with its key, never its value', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('first-key');
  await page.getByRole('tab', { name: 'Parameters' }).click();
  await expect(page.getByRole('tab', { name: 'Parameters' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('No parameters in this account and Region yet.')).toBeVisible();
  await lab.run('aws ssm put-parameter --name /app/db/password --value hunter2 --type SecureString');
  const parameters = page.getByTestId('console-parameters');
  const row = parameters.locator('tbody tr', { hasText: '/app/db/password' });
  await expect(row).toContainText('SecureString');
  await expect(row).toContainText('(encrypted)');
  await expect(row).toContainText('alias/aws/ssm');
  await row.getByRole('button', { name: '/app/db/password' }).click();
  const detail = page.getByTestId('parameter-detail');
  await expect(detail).toContainText('Version 1');
  await expect(page.locator('.lab-console')).not.toContainText('hunter2');
});

test('the Secrets tab shows a rotation moving the staging labels', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('first-key');
  await lab.run(`aws secretsmanager create-secret --name app/db --secret-string '{"username":"app","password":"first-password"}'`);
  await page.getByRole('tab', { name: 'Secrets' }).click();
  const secrets = page.getByTestId('console-secrets');
  const row = secrets.locator('tbody tr', { hasText: 'app/db' });
  await expect(row).toContainText('alias/aws/secretsmanager');
  await expect(row).toContainText('Off');
  await row.getByRole('button', { name: 'app/db' }).click();
  const versions = page.getByTestId('secret-versions').locator('li');
  await expect(versions).toHaveCount(1);
  await expect(versions.first()).toContainText('AWSCURRENT');
  await lab.run(
    'aws secretsmanager rotate-secret --secret-id app/db --rotation-lambda-arn arn:aws:lambda:us-east-1:111122223333:function:rotator --rotation-rules AutomaticallyAfterDays=30',
  );
  await expect(row).toContainText('On · AutomaticallyAfterDays=30');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText('AWSCURRENT');
  await expect(versions.nth(1)).toContainText('AWSPREVIOUS');
  await expect(page.locator('.lab-console')).not.toContainText('first-password');
});

test('the Snapshots tab shows a snapshot shared with the partner, and the partner\'s failed copy', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('first-key');
  await lab.run('aws kms create-key --description snapshots --query KeyMetadata.Arn --output text');
  const key = (await lab.lastStdout()).trim();
  await lab.run(`aws ec2 create-volume --availability-zone us-east-1a --size 8 --encrypted --kms-key-id ${key} --query VolumeId --output text`);
  const volume = (await lab.lastStdout()).trim();
  await lab.run(`aws ec2 create-snapshot --volume-id ${volume} --description orders --query SnapshotId --output text`);
  const snapshot = (await lab.lastStdout()).trim();
  await lab.run(
    `aws ec2 modify-snapshot-attribute --snapshot-id ${snapshot} --attribute createVolumePermission --operation-type add --user-ids 444455556666`,
  );
  await page.getByRole('tab', { name: 'Snapshots' }).click();
  const row = page.getByTestId('console-snapshots').locator('tbody tr', { hasText: snapshot });
  await expect(row).toContainText('completed');
  await expect(row).toContainText('444455556666');
  await expect(page.getByTestId('console-volumes')).toContainText(volume);

  // The partner's copy fails while the key policy leaves the partner out.
  await lab.run('aws kms create-key --profile partner --query KeyMetadata.Arn --output text');
  const partnerKey = (await lab.lastStdout()).trim();
  await lab.run(
    `aws ec2 copy-snapshot --profile partner --source-snapshot-id ${snapshot} --source-region us-east-1 --encrypted --kms-key-id ${partnerKey} --query SnapshotId --output text`,
  );
  const copy = (await lab.lastStdout()).trim();
  await lab.run('aws ec2 describe-snapshots --profile partner --owner-ids self');
  await page.getByTestId('console-profile').selectOption('partner');
  const snapshots = page.getByTestId('console-snapshots');
  await expect(snapshots.locator('tbody tr', { hasText: snapshot })).toContainText('111122223333');
  const failed = snapshots.locator('tbody tr', { hasText: copy });
  await expect(failed).toContainText('error');
  await expect(failed).toContainText('Given key ID is not accessible');
});

test('an RSA_4096 key is made off the main thread, with a busy line meanwhile', async ({ page }) => {
  // How long the prime search takes depends on the seed. With seed 13 a
  // native release build finds both 2048-bit primes in about 2 seconds
  // (seed 7, the other tests' seed, takes 17); the worker's wasm takes
  // several times longer, long enough to watch the page answer meanwhile.
  test.setTimeout(120_000);
  const lab = new Lab(page);
  await lab.open('asymmetric', '', 13);
  await page.evaluate(() => {
    (window as any).__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (window as any).__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await lab.input.fill('aws kms create-key --key-spec RSA_4096 --key-usage ENCRYPT_DECRYPT --query KeyMetadata.KeySpec --output text');
  await lab.input.press('Enter');
  await expect(page.getByText('Working…')).toBeVisible();
  // While the worker searches for primes, the page still answers.
  await page.getByRole('tab', { name: 'Event history' }).click();
  await expect(page.getByRole('tab', { name: 'Event history' })).toHaveAttribute('aria-selected', 'true');
  await lab.input.fill('typed while busy');
  await expect(lab.input).toHaveValue('typed while busy');
  await expect(page.getByText('Working…')).toBeVisible();
  await expect(lab.output.locator('.term-busy')).toHaveCount(0, { timeout: 100_000 });
  expect(await lab.lastStdout()).toBe('RSA_4096\n');
  const longTasks: number[] = await page.evaluate(() => (window as any).__longTasks);
  test.info().annotations.push({ type: 'main-thread long tasks (ms)', description: JSON.stringify(longTasks) });
  // Seconds of key generation on the main thread would show as one task of
  // seconds. The exact figure (no task over 50 ms on a quiet machine) is
  // measured by `cargo xtask bench`, not here, where other specs share the CPU.
  expect(Math.max(0, ...longTasks)).toBeLessThan(1000);
});

test('an ECC signature is made through the asymmetric chunk, and verifies offline before and after a reload', async ({ page }) => {
  test.setTimeout(90_000);
  const chunks: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('split_asymmetric')) chunks.push(r.url());
  });
  const lab = new Lab(page);
  await lab.open('asymmetric');
  expect(chunks).toEqual([]);
  await lab.run('aws kms create-key --key-spec ECC_NIST_P256 --key-usage SIGN_VERIFY --query KeyMetadata.KeyId --output text');
  const keyId = (await lab.lastStdout()).trim();
  expect(keyId).toMatch(/^[0-9a-f-]{36}$/);
  expect(chunks.length).toBeGreaterThan(0);
  await lab.run('echo "release 1.4.2" > release.txt');
  await lab.run(`aws kms sign --key-id ${keyId} --message fileb://release.txt --message-type RAW --signing-algorithm ECDSA_SHA_256 --query Signature --output text | base64 --decode > release.sig`);
  await lab.run(`aws kms get-public-key --key-id ${keyId} --query PublicKey --output text | base64 --decode > release-pub.der`);
  const verify = 'keydeck-crypt verify --public-key fileb://release-pub.der --message fileb://release.txt --signature fileb://release.sig --signing-algorithm ECDSA_SHA_256';
  await lab.run(verify);
  expect(await lab.lastStdout()).toBe('Signature OK\n');
  // The reloaded lab replays its log, the ECC key included, in a new worker
  // that has to fetch the chunk again before it can.
  await page.reload();
  await expect(page.getByTestId('tasks')).toBeVisible();
  await lab.run(verify);
  expect(await lab.lastStdout()).toBe('Signature OK\n');
  await lab.run(`aws kms describe-key --key-id ${keyId} --query KeyMetadata.KeySpec --output text`);
  expect(await lab.lastStdout()).toBe('ECC_NIST_P256\n');
});

test('axe finds nothing on a lab page, in each console tab', async ({ app, page }) => {
  // Five commands, three services' first calls and six axe runs.
  test.setTimeout(90_000);
  const lab = new Lab(page);
  await lab.open('first-key');
  await lab.createKey('axe');
  await lab.run('aws ssm put-parameter --name /axe/password --value axe --type SecureString');
  await lab.run('aws secretsmanager create-secret --name axe/secret --secret-string axe');
  await lab.run('aws ec2 create-volume --availability-zone us-east-1a --size 8 --encrypted --query VolumeId --output text');
  await lab.run(`aws ec2 create-snapshot --volume-id ${(await lab.lastStdout()).trim()}`);
  // axe's target-size rule counts a button that the phone's fixed tab bar
  // happens to cover at the current scroll position; check from the top.
  const check = async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await app.accessibilityViolations()).toEqual([]);
  };
  await page.getByTestId('console-keys').getByRole('button').first().click();
  await expect(page.getByTestId('key-detail')).toBeVisible();
  await check();
  await page.getByRole('tab', { name: 'Key policy' }).click();
  await check();
  await page.getByRole('tab', { name: 'Parameters' }).click();
  await page.getByTestId('console-parameters').getByRole('button').first().click();
  await expect(page.getByTestId('parameter-detail')).toBeVisible();
  await check();
  await page.getByRole('tab', { name: 'Secrets' }).click();
  await page.getByTestId('console-secrets').getByRole('button').first().click();
  await expect(page.getByTestId('secret-detail')).toBeVisible();
  await check();
  await page.getByRole('tab', { name: 'Snapshots' }).click();
  await expect(page.getByTestId('console-snapshots')).toBeVisible();
  await expect(page.getByTestId('console-volumes')).toBeVisible();
  await check();
  await page.getByRole('tab', { name: 'Event history' }).click();
  await check();
});

test.describe('offline', () => {
  test.describe.configure({ mode: 'serial' });
  test('after one visit a lab works offline', async ({ page }) => {
    const site = await SiteServer.start();
    try {
      const lab = new Lab(page);
      await lab.open('first-key', site.url);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
        }
      });
      await site.stop();
      await page.goto(`${site.url}/labs/key-states?seed=7`);
      await expect(page.getByTestId('tasks')).toBeVisible();
      const keyId = await lab.createKey('offline');
      expect(keyId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await site.stop().catch(() => {});
    }
  });
});

test('a reset starts the lab again from its seed, and the progress page keeps what was done', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('first-key');
  const first = await lab.createKey('before reset');
  await lab.run('echo x > file.txt');
  await lab.expectTasksDone(1, await lab.tasks.count());
  await page.getByRole('button', { name: 'Reset lab' }).click();
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await lab.expectTasksDone(0, await lab.tasks.count());
  await expect(lab.output.locator('.term-cmd')).toHaveCount(0);
  await lab.run('ls');
  expect(await lab.output.locator('.term-stdout').count()).toBe(0);
  // The same seed gives the same key ID again.
  expect(await lab.createKey('after reset')).toBe(first);
  await page.reload();
  await expect(page.getByTestId('tasks')).toBeVisible();
  await lab.run('aws kms list-keys --query "length(Keys)" --output text');
  expect((await lab.lastStdout()).trim()).toBe('1');
  await page.goto('/progress');
  await expect(page.getByTestId('labs-done')).toHaveText('1 lab in progress.');
});

test('lab 12, an Encryption SDK message, is completed by typing, and its byte viewer works from the keyboard and passes axe', async ({ app, page }) => {
  test.setTimeout(90_000);
  const { lab, total } = await openLab(page, 'esdk-message', 5);
  const keyId = await lab.createKey('Encryption SDK lab');
  const arn = `arn:aws:kms:us-east-1:111122223333:key/${keyId}`;
  const decrypt = `aws-encryption-cli --decrypt --input secret.txt.encrypted --wrapping-keys key=${arn}`;
  await lab.run('echo "Meet at the usual place at dawn." > secret.txt');
  await lab.run(
    `aws-encryption-cli --encrypt --input secret.txt --output . --wrapping-keys key=${arn} --encryption-context purpose=lab team=blue --suppress-metadata`,
  );
  await lab.expectTasksDone(2, total);
  await lab.run(`${decrypt} --output - --metadata-output metadata.json`);
  expect(await lab.lastStdout()).toBe('Meet at the usual place at dawn.\n');
  await lab.expectTasksDone(3, total);
  await lab.run('keydeck-esdk-flip secret.txt.encrypted 60');
  await lab.run(
    `aws-encryption-cli --decrypt --input secret.txt.encrypted.flipped --output tampered.txt --wrapping-keys key=${arn} --suppress-metadata`,
  );
  expect(await lab.lastStderr()).toContain('Encountered unexpected error');
  await lab.expectTasksDone(4, total);
  await lab.run(`${decrypt} --output . --encryption-context purpose=production --suppress-metadata`);
  expect(await lab.lastStderr()).toContain('Skipping decrypt because discovered encryption context did not match required elements.');
  await lab.expectTasksDone(4, total);
  await lab.run(`${decrypt} --output . --encryption-context purpose=lab --suppress-metadata`);
  await lab.expectTasksDone(total, total);

  // The viewer: pick the message, reach the grid with Tab, move with the arrows.
  const viewer = page.getByTestId('esdk-viewer');
  await viewer.getByLabel('File').selectOption('secret.txt.encrypted');
  const grid = page.getByTestId('esdk-grid');
  await expect(grid.getByRole('option').first()).toHaveAttribute('aria-label', 'Bytes 0 to 0: Version, 0x02');
  await viewer.getByLabel('File').focus();
  await page.keyboard.press('Tab');
  await expect(grid).toBeFocused();
  await expect(page.getByTestId('esdk-detail')).toContainText('Version');
  await page.keyboard.press('ArrowRight');
  await expect(grid).toHaveAttribute('aria-activedescendant', 'esdk-field-1');
  await expect(page.getByTestId('esdk-detail')).toContainText('Algorithm suite ID');
  await page.keyboard.press('Enter');
  await expect(grid.locator('#esdk-field-1')).toHaveAttribute('aria-selected', 'true');
  // One tab stop: Tab leaves the grid.
  await page.keyboard.press('Tab');
  await expect(grid).not.toBeFocused();
  await expect(grid.getByRole('option', { name: /Encryption context \d key, "purpose"/ })).toHaveCount(1);
  await viewer.getByLabel('File').selectOption('secret.txt.encrypted.flipped');
  await expect(grid.getByRole('option').first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await app.accessibilityViolations()).toEqual([]);
});

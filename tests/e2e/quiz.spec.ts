import { test, expect, expectFocusKeptIn } from './fixtures';
import type { Page } from '@playwright/test';

const QUESTION = '.question';

async function currentNumber(page: Page): Promise<number> {
  const text = await page.locator(`${QUESTION} .card-meta`).textContent();
  return Number(/Question (\d+) of/.exec(text ?? '')![1]);
}

/** Answers the question on screen by keyboard alone; returns whether it was checked right. */
async function answerByKeyboard(page: Page) {
  const kind = await page.locator(`${QUESTION} .instruction`).textContent();
  if (kind?.startsWith('Type')) {
    await page.getByPlaceholder('Your answer').focus();
    await page.keyboard.type('KMS key');
  } else if (kind?.startsWith('Match')) {
    const selects = page.locator(`${QUESTION} select`);
    for (let i = 0; i < (await selects.count()); i++) {
      await selects.nth(i).focus();
      await page.keyboard.press('ArrowDown');
    }
  } else if (kind?.startsWith('Choose 2') || kind?.startsWith('Choose 3')) {
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    if (kind.startsWith('Choose 3')) await page.keyboard.press('3');
  } else {
    await page.keyboard.press('1');
  }
}

test('a five-question practice quiz, by keyboard alone, with feedback after each answer', async ({ app, page }) => {
  await app.open('/quiz?mode=practice&n=5&seed=class7');
  await expect(page.locator(QUESTION)).toContainText('Question 1 of 5');
  for (let i = 1; i <= 5; i++) {
    expect(await currentNumber(page)).toBe(i);
    await answerByKeyboard(page);
    await page.keyboard.press('Enter');
    // The verdict comes first, and names the right answer in words.
    await expect(page.getByTestId('verdict')).toHaveText(/^(Correct|Not quite) The answers? (is|are): .+\.$/);
    await expect(page.locator(`${QUESTION} > :nth-child(2)`)).toHaveAttribute('data-testid', 'verdict');
    await expect(page.locator(`${QUESTION} a[href^="https://docs.aws.amazon.com/"], ${QUESTION} a[href^="https://aws.amazon.com/"]`).first()).toBeVisible();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('score')).toHaveText(/^\d of 5 right \(\d+%\)$/);
  await expect(page.getByText(/the pass line is 72%/)).toBeVisible();
  await expect(page.locator('.review > li')).toHaveCount(5);
});

test('while a quiz is taken the header is one line with a progress bar, and the question starts near the top', async ({ app, page }) => {
  await app.open('/quiz');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quizzes and exams');
  await expect(page.getByText(/Practise on exam-style questions/)).toBeVisible();
  await app.open('/quiz?mode=practice&n=5&seed=class7');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practice quiz');
  await expect(page.getByText(/Practise on exam-style questions/)).toHaveCount(0);
  const bar = page.getByRole('progressbar', { name: 'Quiz progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', '0');
  await expect(page.getByTestId('quiz-progress')).toHaveText('0 of 5 answered');
  // The question's first words are in the top third of the screen.
  const stem = (await page.locator(`${QUESTION} .stem`).boundingBox())!;
  expect(stem.y).toBeLessThan(page.viewportSize()!.height / 3);
  await answerByKeyboard(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('quiz-progress')).toHaveText('1 of 5 answered');
  await expect(bar).toHaveAttribute('aria-valuenow', '20');
  await expect(bar).toHaveAttribute('aria-valuetext', '1 of 5 answered');
  await app.open('/quiz?mode=exam&n=5&seed=class7');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exam');
});

test('a missed true-or-false question says which value was right, in words on each option', async ({ page }) => {
  // The first question of this quiz is a true-or-false whose answer is False.
  await page.goto('/quiz?mode=practice&n=5&seed=tf26');
  await expect(page.locator(`${QUESTION} .instruction`)).toHaveText('True or false?');
  await page.getByLabel('True').check();
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText('Not quite The answer is: False.');
  const options = page.locator(`${QUESTION} .options > li`);
  await expect(options.nth(0)).toContainText('Your answer · wrong');
  await expect(options.nth(1)).toContainText('Correct answer · missed');
});

test('a wrong choice is labelled on every option, and its explanation comes first', async ({ page }) => {
  // The first question of this quiz is a single choice whose first option is wrong.
  await page.goto('/quiz?mode=practice&n=5&seed=one0');
  await expect(page.locator(`${QUESTION} .instruction`)).toHaveText('Choose one.');
  // Its first option is one long identifier: it wraps, and the page never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const options = page.locator(`${QUESTION} .options > li`);
  await options.nth(0).locator('input').check();
  const chosen = (await options.nth(0).locator('.option-text').textContent())!.trim();
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('verdict')).toHaveText(/^Not quite The answer is: .+\.$/);
  await expect(options.nth(0).locator('.mark')).toHaveText('Your answer · wrong');
  await expect(options.locator('.mark')).toHaveText(['Your answer · wrong', 'Correct answer · missed']);
  const right = options.filter({ hasText: 'Correct answer · missed' });
  await expect(right).toHaveCount(1);
  await expect(right).toHaveClass(/\bright\b/);
  // The explanations follow, the learner's choice first, then the right one.
  const why = page.locator(`${QUESTION} .explanations > li`);
  await expect(why).toHaveCount(4);
  await expect(why.first().locator('strong')).toHaveText(chosen);
  await expect(why.nth(1).locator('.mark')).toHaveText('Correct answer · missed');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test('moving to the next question puts the focus on its first answer control', async ({ page }) => {
  await page.goto('/quiz?mode=practice&n=5&seed=class7');
  await expect(page.locator(QUESTION)).toContainText('Question 1 of 5');
  for (let n = 2; n <= 5; n++) {
    await answerByKeyboard(page);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^Next/ }).click();
    await expect(page.locator(`${QUESTION} .card-meta`)).toHaveText(`Question ${n} of 5`);
    const kind = await page.locator(`${QUESTION} .instruction`).textContent();
    const first = kind === 'Type your answer.'
      ? page.getByPlaceholder('Your answer')
      : page.locator(`${QUESTION} :is(input, select)`).first();
    await expect(first).toBeFocused();
  }
});

test('the same link gives everyone the same quiz', async ({ browser, page }) => {
  const url = '/quiz?mode=practice&n=5&seed=room42&topics=rotation,key-policies';
  await page.goto(url);
  const mine = await page.locator(`${QUESTION} .stem`).textContent();
  const other = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await other.goto(url);
  await expect(other.locator(`${QUESTION} .stem`)).toHaveText(mine!);
  await expect(other.locator(`${QUESTION} .options`)).toHaveText((await page.locator(`${QUESTION} .options`).textContent())!);
});

test('an exam keeps its answers and flags across a reload and resumes where it was', async ({ page }) => {
  await page.goto('/quiz?mode=exam&n=6&seed=resume1');
  await expect(page.getByRole('timer', { name: 'Time left' })).toHaveText(/^1[12]:\d\d$/);
  await page.keyboard.press('1');
  await page.keyboard.press('f');
  await page.keyboard.press('n');
  await expect(page.locator(QUESTION)).toContainText('Question 2 of 6');
  await page.keyboard.press('n');
  const navigator = page.getByRole('navigation', { name: 'Questions' });
  await expect(navigator.getByRole('button', { name: 'Question 1, answered, flagged' })).toBeVisible();
  // The flag's marker is at least 12 px across.
  const flag = await navigator.getByRole('button', { name: 'Question 1, answered, flagged' }).evaluate((b) => {
    const after = getComputedStyle(b, '::after');
    return [parseFloat(after.width), parseFloat(after.height)];
  });
  expect(Math.min(...flag)).toBeGreaterThanOrEqual(12);

  await page.reload();
  await expect(page.locator(QUESTION)).toContainText('Question 3 of 6');
  await expect(navigator.getByRole('button', { name: 'Question 1, answered, flagged' })).toBeVisible();
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  await expect(page.locator(`${QUESTION} input`).first()).toBeChecked();

  await page.goto('/quiz');
  await expect(page.getByText('You have a quiz in progress.')).toBeVisible();
  await page.getByRole('link', { name: 'Resume it' }).click();
  await expect(page.locator(QUESTION)).toContainText('Question 1 of 6');
});

test('an exam asks only multiple-choice and multiple-response questions, and the setup page says so', async ({ page }) => {
  await page.goto('/quiz');
  await expect(page.getByText('An exam asks only multiple-choice and multiple-response questions')).toBeVisible();
  await page.getByLabel('Exam: timed, flags, results at the end').check();
  await page.getByLabel('Questions').selectOption('20');
  // A fixed code: the same twenty questions on every run.
  await page.getByLabel('Quiz code (optional)').fill('class7');
  await page.getByRole('button', { name: 'Start' }).click();
  const instructions: string[] = [];
  for (let n = 1; n <= 20; n++) {
    await expect(page.locator(`${QUESTION} .card-meta`)).toHaveText(`Question ${n} of 20`);
    instructions.push((await page.locator(`${QUESTION} .instruction`).textContent()) ?? '');
    await page.keyboard.press('n');
  }
  expect(instructions.filter((i) => !/^Choose (one|\d+)\.$/.test(i))).toEqual([]);
  expect(instructions.some((i) => /^Choose \d+\.$/.test(i))).toBe(true);
});

test('the submit question traps the focus, closes on Escape and gives the focus back', async ({ page }) => {
  await page.goto('/quiz?mode=exam&n=3&seed=dialog1');
  await expect(page.locator('#question-title')).toHaveText('Question 1 of 3');
  const submit = page.getByRole('button', { name: 'Submit exam' });
  await submit.click();
  const ask = page.getByRole('alertdialog', { name: 'Submit the exam?' });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('3 questions are unanswered.');
  await expect(ask.getByRole('button', { name: 'Keep going' })).toBeFocused();
  await expectFocusKeptIn(page, ask);
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(submit).toBeFocused();
  await expect(page.locator('#question-title')).toHaveText('Question 1 of 3');
});

test('when time runs out the exam submits itself', async ({ page }) => {
  await page.goto('/quiz?mode=exam&n=5&seed=short&time=3');
  await expect(page.locator(QUESTION)).toBeVisible();
  await page.keyboard.press('1');
  await expect(page.getByTestId('score')).toBeVisible({ timeout: 8000 });
  await expect(page.locator('.review > li')).toHaveCount(5);
  await expect(page.locator('.review > li').nth(1)).toContainText('No answer');
});

test("the exam's last minute is announced, once, when it begins", async ({ page }) => {
  await page.clock.install();
  await page.goto('/quiz?mode=exam&n=5&seed=short&time=90');
  await expect(page.locator(QUESTION)).toBeVisible();
  const spoken = page.getByTestId('timer-announcement');
  await expect(spoken).toHaveAttribute('role', 'status');
  await expect(spoken).toBeEmpty();
  await page.clock.runFor(20_000);
  await expect(page.getByRole('timer')).toHaveText(/^1:[0-9]{2}$/);
  await expect(spoken).toBeEmpty();
  await page.clock.runFor(12_000);
  await expect(spoken).toHaveText('One minute left in the exam.');
  await expect(page.getByRole('timer')).toHaveClass(/low/);
});

test('a checked answer is read out from a live region that was there before', async ({ app, page }) => {
  await app.open('/quiz?mode=practice&n=5&seed=class7');
  const spoken = page.getByTestId('spoken-verdict');
  await expect(spoken).toHaveAttribute('role', 'status');
  await expect(spoken).toBeEmpty();
  await answerByKeyboard(page);
  await page.keyboard.press('Enter');
  const verdict = (await page.getByTestId('verdict').textContent())!;
  await expect(spoken).toHaveText(verdict.trim());
  await expect(spoken).toHaveText(/^(Correct|Not quite) The answers? (is|are): /);
  // The next question starts silent.
  await page.keyboard.press('Enter');
  await expect(page.locator('#question-title')).toHaveText('Question 2 of 5');
  await expect(page.getByTestId('spoken-verdict')).toBeEmpty();
});

test('the exam results label every option as the quiz did', async ({ page }) => {
  await page.goto('/quiz?mode=exam&n=3&seed=labels1');
  await expect(page.locator('#question-title')).toHaveText('Question 1 of 3');
  await page.keyboard.press('1');
  await page.getByRole('button', { name: 'Submit exam' }).click();
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  const items = page.locator('.review > li');
  await expect(items).toHaveCount(3);
  // The first was answered: its first option is the learner's, right or wrong.
  await expect(items.nth(0).locator('.review-options > li').first().locator('.mark')).toHaveText(/^Your answer · (correct|wrong)$/);
  // The others were not: each right option is marked missed.
  for (const n of [1, 2]) {
    await expect(items.nth(n)).toContainText('No answer');
    await expect(items.nth(n).locator('.mark').first()).toHaveText('Correct answer · missed');
    await expect(items.nth(n).getByText('Your answer ·')).toHaveCount(0);
  }
});

test('the per-topic breakdown matches the answers given', async ({ page }) => {
  await page.goto('/quiz?mode=exam&n=4&seed=topics9&topics=acm,rotation');
  await expect(page.locator(QUESTION)).toBeVisible();
  // Press 1 on the first two questions (it answers those whose kind takes
  // a digit), and leave the rest blank.
  for (let i = 0; i < 4; i++) {
    await expect(page.locator('#question-title')).toHaveText(`Question ${i + 1} of 4`);
    if (i < 2) await page.keyboard.press('1');
    await page.keyboard.press('n');
  }
  await page.getByRole('button', { name: 'Submit exam' }).click();
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(page.getByTestId('score')).toBeVisible();

  // What the review says about each question, as the learner reads it.
  const items = page.locator('.review > li');
  await expect(items).toHaveCount(4);
  const right: Record<string, number> = {};
  const total: Record<string, number> = {};
  let answered = 0;
  for (const item of await items.all()) {
    const topic = (await item.getAttribute('data-topic'))!;
    total[topic] = (total[topic] ?? 0) + 1;
    if ((await item.locator('.review-verdict').textContent())!.startsWith('Right')) right[topic] = (right[topic] ?? 0) + 1;
    if (!(await item.textContent())!.includes('No answer')) answered++;
    const title = await page.locator(`.topic-scores li[data-topic="${topic}"] .mastery-head span`).first().textContent();
    await expect(item.locator('.review-topic')).toHaveText(title!);
  }
  expect(answered).toBeGreaterThan(0);
  expect(answered).toBeLessThanOrEqual(2);
  expect(Object.keys(total).sort()).toEqual(['acm', 'rotation']);
  const rightInAll = Object.values(right).reduce((a, b) => a + b, 0);
  await expect(page.getByTestId('score')).toContainText(`${rightInAll} of 4 right`);
  for (const topic of Object.keys(total)) {
    await expect(page.locator(`.topic-scores li[data-topic="${topic}"] .topic-score`)).toHaveText(`${right[topic] ?? 0} / ${total[topic]}`);
  }
});

test('missed questions make their cards due, and the quiz joins the history', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.today-left')).toContainText('0 review');
  await page.goto('/quiz?mode=exam&n=3&seed=miss1&topics=acm');
  await page.getByRole('button', { name: 'Submit exam' }).click();
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(page.getByText(/The cards behind the 3 missed questions are now due/)).toBeVisible();
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('keydeck.progress')!));
  const missed = Object.keys(saved.missed);
  expect(missed.length).toBeGreaterThan(0);
  await page.goto('/');
  await expect(page.locator('.today-left')).toContainText(`${missed.length} review`);
  await expect(page.getByTestId('today-missed')).toHaveText(
    `${missed.length} card${missed.length === 1 ? '' : 's'} from questions you missed in a quiz ${missed.length === 1 ? 'is' : 'are'} among the reviews.`,
  );
  await expect(page.locator('[data-topic="acm"] td.count-review')).toHaveText(String(missed.length));
  // The study page names why the card is back.
  await page.goto('/study?topic=acm');
  await expect(page.getByRole('region', { name: 'Question' }).getByTestId('queued')).toHaveText('Missed in a quiz');
  await page.goto('/progress');
  await expect(page.getByTestId('quiz-summary')).toHaveText('1 finished, 0 at or above the 72% pass line.');
});

test('Start stays in reach while the topics scroll past, above the tab bar on a phone', async ({ app, page }) => {
  await app.open('/quiz');
  const start = page.getByRole('button', { name: 'Start', exact: true });
  /** Whether a tap at the middle of Start lands on it, inside the window. */
  const reachable = () =>
    start.evaluate((button) => {
      const r = button.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      return y > 0 && y < window.innerHeight && button.contains(document.elementFromPoint(x, y));
    });
  expect(await reachable()).toBe(true);
  // Halfway down the topics, and at the first of them.
  const topics = page.getByRole('group', { name: /Topics/ }).getByRole('checkbox');
  await topics.nth(Math.floor((await topics.count()) / 2)).scrollIntoViewIfNeeded();
  expect(await reachable()).toBe(true);
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await reachable()).toBe(true);
  await start.click();
  await expect(page).toHaveURL(/\/quiz\?/);
});

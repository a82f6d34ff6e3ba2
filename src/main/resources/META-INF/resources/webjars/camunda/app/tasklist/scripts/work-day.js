/*
 * Tasklist and the app's 工作台 as one place of work:
 * - the header links back to 工作台;
 * - the red "提交任务表单时出错" goes once the form itself marks the field that is wrong (the field
 *   says what to correct), and no error outlives the next success.
 */
const HOME_LINK = 'work-day-home';
const SUBMIT_ERROR = '提交任务表单时出错';

function addHomeLink() {
  if (document.getElementById(HOME_LINK)) {
    return;
  }
  const nav = document.querySelector('nav.cam-nav > ul');
  if (!nav) {
    return;
  }
  const item = document.createElement('li');
  item.id = HOME_LINK;
  const link = document.createElement('a');
  link.href = '/';
  link.textContent = '工作台';
  link.title = '回到天下城物业服务中心的工作台';
  item.append(link);
  nav.prepend(item);
}

function close(alert) {
  const button = alert.querySelector('button.close, .close');
  if (button) {
    button.click();
  }
  else {
    alert.remove();
  }
}

function tidyNotifications() {
  const alerts = Array.from(document.querySelectorAll('.notifications .alert, [cam-notifications] .alert'));
  const fieldsSayWhy = document.querySelector('.fjs-has-errors, .fjs-form-field-error:not(:empty)');
  const succeeded = alerts.some((alert) => alert.classList.contains('alert-success'));
  alerts
    .filter((alert) => alert.classList.contains('alert-danger') || alert.classList.contains('alert-error'))
    .filter((alert) => succeeded || (fieldsSayWhy && alert.textContent.includes(SUBMIT_ERROR)))
    .forEach(close);
}

new MutationObserver(() => {
  addHomeLink();
  tidyNotifications();
}).observe(document.body, { childList: true, subtree: true });

export default [];

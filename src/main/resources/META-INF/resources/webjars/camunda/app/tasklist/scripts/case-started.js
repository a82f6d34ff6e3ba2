/*
 * After a case is started from Tasklist's start form, Tasklist only says "流程已发起". Only
 * 投诉处理 and 服务预约/报修 can be started there (the other processes start from the app's pages),
 * so the case the user registered last is the one just started: this script adds its number and
 * a link to its page to the notification.
 */
const STARTED = '流程已发起';

function addCaseNumber(notification) {
  notification.dataset.caseNumberAdded = 'true';
  fetch('/api/cases/my-latest', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((answer) => (answer.ok ? answer.json() : null))
    .then((started) => {
      if (!started) {
        return;
      }
      const line = document.createElement('div');
      line.className = 'case-started';
      line.append('案件编号 ');
      const link = document.createElement('a');
      link.href = '/cases/' + encodeURIComponent(started.caseNumber);
      link.target = '_blank';
      link.textContent = started.caseNumber;
      line.append(link, '（点击打开案件，登记联系人和联系电话）');
      notification.append(line);
    })
    .catch(() => {
      // The notification stays as Tasklist wrote it.
    });
}

new MutationObserver(() => {
  document.querySelectorAll('.notifications .alert, [cam-notifications] .alert').forEach((notification) => {
    if (!notification.dataset.caseNumberAdded && notification.textContent.includes(STARTED)) {
      addCaseNumber(notification);
    }
  });
}).observe(document.body, { childList: true, subtree: true });

export default [];

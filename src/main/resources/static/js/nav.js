// The top bar's groups: one open at a time, closed by a click elsewhere or Escape.
(function () {
  var groups = document.querySelectorAll('.topbar .nav-group');
  groups.forEach(function (group) {
    group.addEventListener('toggle', function () {
      if (group.open) {
        groups.forEach(function (other) { if (other !== group) { other.open = false; } });
      }
    });
  });
  document.addEventListener('click', function (event) {
    if (!event.target.closest('.nav-group')) {
      groups.forEach(function (group) { group.open = false; });
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      groups.forEach(function (group) { group.open = false; });
    }
  });
})();

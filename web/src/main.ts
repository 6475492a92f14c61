// Entry point: the pages and their routes.
import './style.css';
import { startRouter } from './router';
import { h } from './ui';
import { homePage } from './pages/home';
import { racePage } from './pages/race';
import { bodiesPage, bodyPage } from './pages/bodies';
import { slatesPage } from './pages/slates';
import { leveragePage } from './pages/leverage';
import { checkPage } from './pages/check';
import { filesPage } from './pages/files';

const main = document.getElementById('main') as HTMLElement;

// The skip link focuses the content without touching the hash that holds the route.
document.querySelector('.skip')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

startRouter(
  main,
  {
    '': homePage,
    race: racePage,
    bodies: bodiesPage,
    body: bodyPage,
    slates: slatesPage,
    leverage: leveragePage,
    check: checkPage,
    files: filesPage,
  },
  ({ main }) => {
    document.title = 'Not found · downballot';
    main.append(h('h1', null, 'No such page'), h('p', null, h('a', { href: '#/' }, 'Back to the targets')));
  },
);

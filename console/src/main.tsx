import { render } from 'preact';
import { Console } from './api';
import { App } from './app';
import './style.css';

render(<App api={new Console(window.location.origin)} />, document.getElementById('app')!);

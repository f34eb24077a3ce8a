import './app/docsy-app.js';

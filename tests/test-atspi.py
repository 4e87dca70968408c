#!/usr/bin/python3
# test-atspi.py — a black-box test of the built program over AT-SPI, as a
# screen reader or an automation tool sees it.
#
# It starts `sachhon --db FILE` on a new database, finds the "New facility"
# button and the facility's "Name" field by their accessible names, clicks
# the button, types a name into the field, closes the window with its Close
# button, and then reads the database file with Python's sqlite3 to check
# that the name was saved. On the way it checks that every input of the
# facility page has an accessible name.
#
#   dbus-run-session -- /usr/bin/python3 tests/test-atspi.py build/src/app/sachhon
#
# It needs a display (Xvfb), a session bus (dbus-run-session starts one and
# the AT-SPI bus launcher is activated through it) and GTK's accessibility
# enabled: GTK_A11Y must not be "none". Exits 77 (skipped) when pyatspi or
# the session bus is missing, 1 with a message saying what was not found.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

TIMEOUT = 30  # seconds for any one thing to happen
FACILITY_NAME = 'Xí nghiệp thử AT-SPI'


def skip(reason):
    print('SKIP:', reason)
    sys.exit(77)


def fail(reason):
    print('FAIL:', reason)
    sys.exit(1)


try:
    import gi
    gi.require_version('Atspi', '2.0')
    import pyatspi
except (ImportError, ValueError) as e:
    skip('pyatspi is not available (%s); install python3-pyatspi' % e)

if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
    skip('no session bus; run under dbus-run-session')
if os.environ.get('GTK_A11Y') == 'none':
    fail('GTK_A11Y=none turns off the accessibility this test reads')


def wait_for(what, func, timeout=TIMEOUT, process=None):
    """Polls func() until it returns something true; fails after timeout."""
    deadline = time.monotonic() + timeout
    delay = 0.02
    while True:
        try:
            value = func()
        except Exception as e:  # the tree changes under us while GTK updates it
            if os.environ.get('SH_DEBUG'): print(e)
            value = None
        if value:
            return value
        if process is not None and process.poll() is not None:
            fail('the program exited (status %d) while waiting for %s' % (process.returncode, what))
        if time.monotonic() > deadline:
            fail('timed out after %d s waiting for %s' % (timeout, what))
        time.sleep(delay)
        delay = min(delay * 2, 0.25)


def find_application(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.get_process_id() == pid and app.childCount > 0:
            return app
    return None


def names_match(accessible_name, name):
    # Exactly: GTK 4.8 joins an explicit accessible label and a label that
    # points at the same widget ("Name Name *"), which a screen reader would
    # read twice; the app keeps one of them.
    return accessible_name == name


def find(root, roles, name):
    """The first visible accessible in root with one of roles and name."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if node.getRoleName() in roles and names_match(node.name or '', name):
            if node.getState().contains(pyatspi.STATE_VISIBLE):
                return node
        stack.extend(reversed([node.getChildAtIndex(i) for i in range(node.childCount)]))
    return None


INPUT_ROLES = ('push button', 'toggle button', 'check box', 'radio button', 'text', 'entry',
               'combo box', 'spin button', 'menu item')


def unnamed_inputs(root):
    """Inputs whose accessible name is empty, GTK's type-name fallback, or
    a label read with its mnemonic underscore.
    The toggle inside a drop-down is GTK's own and named by the drop-down."""
    found = []
    stack = [(root, None)]
    while stack:
        node, parent_role = stack.pop()
        if node is None:
            continue
        role = node.getRoleName()
        name = node.name or ''
        if (role in INPUT_ROLES and parent_role != 'combo box'
                and node.getState().contains(pyatspi.STATE_VISIBLE)
                and (name == '' or name.startswith('Gtk')
                     # a mnemonic read out with its underscore: "_Undo Undo"
                     or re.search(r'(^|\s)_\w', name))):
            found.append('%s “%s”' % (role, name))
        stack.extend((node.getChildAtIndex(i), role) for i in range(node.childCount))
    return found


def click(button):
    action = button.queryAction()
    for i in range(action.nActions):
        if action.getName(i) == 'click':
            action.doAction(i)
            return
    fail('“%s” has no click action' % button.name)


def text_of(accessible):
    text = accessible.queryText()
    return text.getText(0, text.characterCount)


def main():
    if len(sys.argv) != 2:
        fail('usage: test-atspi.py PATH-TO-SACHHON')
    program = sys.argv[1]
    tmpdir = tempfile.mkdtemp(prefix='sachhon-atspi-')
    db = os.path.join(tmpdir, 'sachhon.db')

    env = dict(os.environ)
    env.pop('GTK_A11Y', None)
    env.pop('SACHHON_DB', None)
    # Names below are the English ones.
    env['LANGUAGE'] = 'en'

    process = subprocess.Popen([program, '--db', db], env=env)
    try:
        app = wait_for('the program on the accessibility bus', lambda: find_application(process.pid),
                       process=process)

        new_button = wait_for('the “New facility” button',
                              lambda: find(app, ('push button',), 'New facility'), process=process)
        click(new_button)

        # The new facility opens with its name field showing the placeholder name.
        name_field = wait_for('the facility’s “Name” field',
                              lambda: find(app, ('text', 'entry'), 'Name'), process=process)
        wait_for('the new facility’s name in the field', lambda: text_of(name_field) != '',
                 process=process)
        # Every input of the facility page can be found by a name.
        unnamed = unnamed_inputs(app)
        if unnamed:
            fail('inputs without a proper accessible name: ' + ', '.join(unnamed))

        if not name_field.queryEditableText().setTextContents(FACILITY_NAME):
            fail('the “Name” field refused the text')
        wait_for('the typed name in the field', lambda: text_of(name_field) == FACILITY_NAME,
                 process=process)

        close_button = wait_for('the window’s “Close” button',
                                lambda: find(app, ('push button',), 'Close'), process=process)
        click(close_button)
        try:
            status = process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            fail('the program did not quit within %d s of closing its window' % TIMEOUT)
        if status != 0:
            fail('the program exited with status %d' % status)

        connection = sqlite3.connect('file:%s?mode=ro' % db, uri=True)
        try:
            rows = connection.execute('SELECT count(*) FROM facility WHERE name = ?',
                                      (FACILITY_NAME,)).fetchone()
        finally:
            connection.close()
        if rows[0] != 1:
            fail('the database has %d facilities named “%s”, not 1' % (rows[0], FACILITY_NAME))
        print('ok: typed “%s” into the Name field over AT-SPI; it is in %s' % (FACILITY_NAME, db))
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        shutil.rmtree(tmpdir, ignore_errors=True)


main()

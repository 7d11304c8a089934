#!/bin/bash
# The main process of ia32-native.service (64-bit, allowed by the
# unit's filter) runs the i386 hello and writes its exit status (128 +
# the signal when killed: 159 for SIGSYS) and output to /run, and
# succeeds either way: the test reads them.
/usr/bin/hello >/run/ia32-native.out 2>&1
echo $? >/run/ia32-native.status
exit 0

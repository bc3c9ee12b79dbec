/*
 * hello.c: the start-up benchmark of `npm run bench`. A static "hello, world":
 * the wall time of a whole run is the emulator's start-up cost (load, first
 * translations, a write and exit).
 */
#include <stdio.h>

int main(void)
{
    puts("hello, world");
    return 0;
}

/* hello.c: the README's bundled example, a static glibc program that greets and prints its arguments (argv[0] as a basename so the output does not depend on the path used). */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *name = strrchr(argv[0], '/');
    printf("Hello from aarch64!\n");
    printf("argc=%d\n", argc);
    printf("argv[0]=%s\n", name ? name + 1 : argv[0]);
    for (int i = 1; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    return 0;
}

/* sim/model_dir.c: where the shipped CPU models are, and their names. An
 * installed sim finds them beside itself (BIN/../share/elsim/models); a
 * build-tree sim in the source tree; ELSIM_MODELS_DIR overrides both. */
#include "model.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef ELSIM_MODELS_DIR
#define ELSIM_MODELS_DIR "models"
#endif

static bool is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

const char *model_dir(void)
{
    static char dir[PATH_MAX];
    if (dir[0])
        return dir;
    const char *env = getenv("ELSIM_MODELS_DIR");
    if (env && *env) {
        snprintf(dir, sizeof dir, "%s", env);
        return dir;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            char installed[PATH_MAX];
            if (snprintf(installed, sizeof installed, "%s/../share/elsim/models", exe) < (int)sizeof installed &&
                is_dir(installed) && realpath(installed, dir))
                return dir;
        }
    }
    snprintf(dir, sizeof dir, "%s", ELSIM_MODELS_DIR);
    return dir;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int model_names(char **names, int max)
{
    DIR *d = opendir(model_dir());
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < max) {
        size_t l = strlen(e->d_name);
        if (l > 4 && strcmp(e->d_name + l - 4, ".lua") == 0 && (names[n] = strndup(e->d_name, l - 4)))
            n++;
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], cmp_str); // directory order is not stable
    return n;
}

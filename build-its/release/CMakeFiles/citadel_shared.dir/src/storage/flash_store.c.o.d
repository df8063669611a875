CMakeFiles/citadel_shared.dir/src/storage/flash_store.c.o: \
 /work/main/src/storage/flash_store.c \
 /work/main/src/storage/flash_store.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdint.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdint-gcc.h \
 /work/main/src/storage/nor_flash.h /work/main/src/storage/storage.h \
 /work/main/include/psa/error.h /work/main/include/psa/storage_common.h \
 /work/main/include/psa/error.h /usr/include/string.h \
 /usr/include/x86_64-linux-gnu/bits/libc-header-start.h \
 /usr/include/features.h /usr/include/features-time64.h \
 /usr/include/x86_64-linux-gnu/bits/wordsize.h \
 /usr/include/x86_64-linux-gnu/bits/timesize.h /usr/include/stdc-predef.h \
 /usr/include/x86_64-linux-gnu/sys/cdefs.h \
 /usr/include/x86_64-linux-gnu/bits/long-double.h \
 /usr/include/x86_64-linux-gnu/gnu/stubs.h \
 /usr/include/x86_64-linux-gnu/gnu/stubs-64.h \
 /work/main/src/storage/crc32.h /work/main/src/util/util.h

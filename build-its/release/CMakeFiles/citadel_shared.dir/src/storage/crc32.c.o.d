CMakeFiles/citadel_shared.dir/src/storage/crc32.c.o: \
 /work/main/src/storage/crc32.c /work/main/src/storage/crc32.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdint.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdint-gcc.h

// 04_bench: what the aio loop costs per yield, per task, per sleeping task and per timer.
#include <cstdio>

int main() {
    std::puts("04_bench: the workloads are being written");
    return 0;
}
